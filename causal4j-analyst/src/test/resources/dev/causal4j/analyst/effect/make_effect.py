"""Writes effect.csv: a binary treatment whose effect on y (2.0) the CPDAG identifies.

    z1, z2, w ~ N(0, 1)
    treat ~ Bernoulli(sigmoid(1.2 z1 + 1.2 z2))
    y = 2.0 treat + 1.0 z1 + 1.0 w + N(0, 1)

z1 -> treat <- z2 and treat -> y <- w are unshielded colliders, so every edge at treat is directed
in the CPDAG, and z1 (a confounder) is a valid adjustment set. Run: python3 make_effect.py (numpy,
seed 3).
"""
import numpy as np

rng = np.random.default_rng(3)
n = 800
z1, z2, w = rng.standard_normal((3, n))
treat = (rng.random(n) < 1 / (1 + np.exp(-(1.2 * z1 + 1.2 * z2)))).astype(int)
y = 2.0 * treat + 1.0 * z1 + 1.0 * w + rng.standard_normal(n)
with open("effect.csv", "w") as f:
    f.write("z1,z2,w,treat,y\n")
    for i in range(n):
        f.write(f"{z1[i]:.6f},{z2[i]:.6f},{w[i]:.6f},{treat[i]},{y[i]:.6f}\n")
