"""Reference values for TLearnerReferenceTest: the T-learner with least squares equals the
regression with every covariate interacted with the treatment, computed here with numpy only.

Writes interacted_ols.csv (the data) and prints the interacted OLS's effect per unit for the
first rows, its implied ATE and the effect's coefficients (intercept and slopes on x1..x3).
Run: python3 make_reference.py > reference_output.txt
"""
import numpy as np

rng = np.random.default_rng(20260301)
n = 200
x = rng.normal(size=(n, 3))
e = 1 / (1 + np.exp(-(0.8 * x[:, 0] - 0.4 * x[:, 1])))
t = (rng.uniform(size=n) < e).astype(float)
y = 1 + x[:, 0] - x[:, 1] + 0.5 * x[:, 2] + t * (1 + 2 * x[:, 0] - 0.5 * x[:, 2]) \
    + rng.normal(scale=0.7, size=n)

with open("interacted_ols.csv", "w") as f:
    f.write("t,y,x1,x2,x3\n")
    for i in range(n):
        f.write("%d,%.17g,%.17g,%.17g,%.17g\n" % (t[i], y[i], x[i, 0], x[i, 1], x[i, 2]))

# y ~ 1 + x + t + t*x; the effect at x is b_t + x . b_tx
design = np.column_stack([np.ones(n), x, t, t[:, None] * x])
beta, *_ = np.linalg.lstsq(design, y, rcond=None)
tau = beta[4] + x @ beta[5:8]
print("effect_coefficients", " ".join("%.15g" % v for v in beta[4:8]))
print("ate", "%.15g" % tau.mean())
for i in range(5):
    print("tau_%d" % i, "%.15g" % tau[i])
