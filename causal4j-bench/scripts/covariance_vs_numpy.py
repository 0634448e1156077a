#!/usr/bin/env python3
"""The numpy half of covariance-vs-numpy.sh: writes an n x p matrix (seeded, correlated columns
with non-zero means) as raw little-endian doubles, column after column, unless the file exists,
then times np.cov(X, rowvar=False) and prints the median and a few entries.

Usage: covariance_vs_numpy.py FILE n p [runs]
"""
import os
import sys
import time

import numpy as np

path, n, p = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
if os.path.exists(path) and os.path.getsize(path) == 8 * n * p:
    X = np.fromfile(path, dtype="<f8").reshape(p, n).T
else:
    rng = np.random.default_rng(20261127)
    X = rng.standard_normal((n, p))
    X[:, 1:] += 0.5 * X[:, :-1]
    X += np.arange(p) * 0.01 + 3.0
    np.asfortranarray(X).T.astype("<f8").tofile(path)
X = np.ascontiguousarray(X)  # np.cov's usual input: a C-ordered n x p array
np.cov(X, rowvar=False)  # warm-up
times = []
for _ in range(runs):
    t = time.perf_counter()
    C = np.cov(X, rowvar=False)
    times.append(time.perf_counter() - t)
print(f"numpy {np.__version__} np.cov: times {[round(t, 4) for t in times]} median "
      f"{np.median(times):.4f} s")
print(f"numpy entries: {C[0, 0]:.17g} {C[0, 1]:.17g} {C[p - 1, p - 1]:.17g}")
print(f"NUMPY_MEDIAN {np.median(times):.6f}")
