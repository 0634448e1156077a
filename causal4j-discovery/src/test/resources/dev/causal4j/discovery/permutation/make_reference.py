#!/usr/bin/env python3
"""Makes the Tetrad-agreement reference for BossTetradAgreementTest.

1. Simulate (from the repository root):
     ./causal4j simulate --model linear-gaussian --nodes 50 --degree 2 --samples 1000 \
         --seed 11 --out /tmp/sim50
2. This script writes sim50.cov: the names, n, then the sample covariance (divisor n - 1),
   symmetrized exactly so both sides read the same matrix:
     python3 make_reference.py /tmp/sim50/data.csv sim50.cov
3. TetradBoss.java (beside this file; needs tetrad-lib 7.6.6 and Java 21+) runs Tetrad's BOSS on
   that covariance with the SEM BIC, penalty discount 2, BES off, one start in data order, one
   thread, and prints the CPDAG in Tetrad's text format:
     javac -cp tetrad-lib-7.6.6.jar:commons-math3-3.6.1.jar:ejml-core-0.44.0.jar:ejml-ddense-0.44.0.jar \
         -d out TetradBoss.java
     java -cp out:<same jars> TetradBoss sim50.cov 2 > sim50-tetrad-boss.txt
"""
import sys

import numpy as np

data = np.genfromtxt(sys.argv[1], delimiter=",", names=True)
names = list(data.dtype.names)
x = np.column_stack([data[n] for n in names])
c = np.cov(x, rowvar=False)
c = (c + c.T) / 2
with open(sys.argv[2], "w") as out:
    out.write(",".join(names) + "\n")
    out.write(f"{x.shape[0]}\n")
    for row in c:
        out.write(",".join(repr(float(v)) for v in row) + "\n")
