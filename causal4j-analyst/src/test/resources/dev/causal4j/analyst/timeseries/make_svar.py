"""Writes svar.csv: a structural VAR with known lagged and contemporaneous links.

    x1(t) = 0.6 x1(t-1)                               + e1
    x2(t) = 0.5 x2(t-1) + 0.6 x1(t-1)                  + e2
    x3(t) = 0.3 x3(t-1) + 0.3 x3(t-2) + 0.5 x2(t-2)    + e3
    x4(t) = 0.5 x4(t-1) + 0.6 x3(t)                    + e4

Gaussian noise of unit variance, 200 burn-in steps dropped, 400 time points; column t is the time
stamp. Run: python3 make_svar.py (numpy, seed 5).
"""
import numpy as np

rng = np.random.default_rng(5)
n, burn = 400, 200
x = np.zeros((n + burn, 4))
for t in range(2, n + burn):
    e = rng.standard_normal(4)
    x[t, 0] = 0.6 * x[t - 1, 0] + e[0]
    x[t, 1] = 0.5 * x[t - 1, 1] + 0.6 * x[t - 1, 0] + e[1]
    x[t, 2] = 0.3 * x[t - 1, 2] + 0.3 * x[t - 2, 2] + 0.5 * x[t - 2, 1] + e[2]
    x[t, 3] = 0.5 * x[t - 1, 3] + 0.6 * x[t, 2] + e[3]
x = x[burn:]
with open("svar.csv", "w") as f:
    f.write("t,x1,x2,x3,x4\n")
    for t in range(n):
        f.write(f"{t}," + ",".join(f"{v:.6f}" for v in x[t]) + "\n")
