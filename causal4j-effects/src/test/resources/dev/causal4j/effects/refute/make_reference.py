"""Reference values for SensitivityReferenceTest, computed independently with numpy and scipy.

Writes sensitivity_data.csv (simulated, seed 20260411) and prints the numbers the test asserts:
the Cinelli-Hazlett (2020) sensitivity statistics of the treatment coefficient in the classical
least-squares regression y ~ 1 + d + x1 + x2 + x3 (robustness values, partial R2, and bounds from
each covariate at 1x, 2x and 3x its strength), and the E-value (VanderWeele & Ding 2017) of the
difference in means of y between the arms of the binary treatment tb, via the standardized
difference d = diff / pooled SD, RR ~ exp(0.91 d), interval exp(0.91 d -/+ 1.78 SE/SD) with
Neyman's standard error. Run: python3 make_reference.py > reference_output.txt
"""
import numpy as np
from scipy import stats

rng = np.random.default_rng(20260411)
n = 400
x1 = rng.normal(size=n)
x2 = rng.normal(size=n)
x3 = (rng.uniform(size=n) < 0.4).astype(float)
d = 0.5 * x1 + 0.6 * x3 + rng.normal(size=n)
y = 0.25 * d + x1 + 0.2 * x2 + 0.8 * x3 + rng.normal(size=n) * 1.5
tb = (rng.uniform(size=n) < 1 / (1 + np.exp(-0.8 * x1))).astype(float)
yb = 0.6 * tb + x1 + rng.normal(size=n)
np.savetxt("sensitivity_data.csv", np.column_stack([d, x1, x2, x3, y, tb, yb]), delimiter=",",
           header="d,x1,x2,x3,y,tb,yb", comments="", fmt="%.17g")


def ols(X, y):
    """Coefficients, classical standard errors and residual degrees of freedom."""
    xtx_inv = np.linalg.inv(X.T @ X)
    b = xtx_inv @ X.T @ y
    r = y - X @ b
    dof = X.shape[0] - X.shape[1]
    s2 = r @ r / dof
    return b, np.sqrt(s2 * np.diag(xtx_inv)), dof


def r2(t, dof):
    return t**2 / (t**2 + dof)


def rv(t, dof, q=1.0, alpha=None):
    f = q * abs(t) / np.sqrt(dof)
    if alpha is not None:
        f = f - abs(stats.t.ppf(alpha / 2, dof - 1)) / np.sqrt(dof - 1)
        if f < 0:
            return 0.0
    return 0.5 * (np.sqrt(f**4 + 4 * f**2) - f**2)


one = np.ones(n)
X = np.column_stack([one, d, x1, x2, x3])
b, se, dof = ols(X, y)
t = b[1] / se[1]
print(f"coefficient {b[1]:.15g}")
print(f"se {se[1]:.15g}")
print(f"t {t:.15g}")
print(f"dof {dof}")
print(f"partial_r2 {r2(t, dof):.15g}")
print(f"rv_1 {rv(t, dof):.15g}")
print(f"rv_half {rv(t, dof, q=0.5):.15g}")
print(f"rv_1_0.05 {rv(t, dof, alpha=0.05):.15g}")

bd, sed, dofd = ols(np.column_stack([one, x1, x2, x3]), d)
tcrit = stats.t.ppf(0.975, dof - 1)
for j, name in enumerate(["x1", "x2", "x3"]):
    r2dxj = r2(bd[1 + j] / sed[1 + j], dofd)
    r2yxj = r2(b[2 + j] / se[2 + j], dof)
    for k in (1.0, 2.0, 3.0):
        r2dz = k * r2dxj / (1 - r2dxj)
        eta = k * r2dxj**2 / ((1 - k * r2dxj) * (1 - r2dxj))
        r2yz = min(1.0, ((np.sqrt(k) + np.sqrt(eta)) / np.sqrt(1 - eta))**2 * r2yxj / (1 - r2yxj))
        bias = se[1] * np.sqrt(dof) * np.sqrt(r2yz * r2dz / (1 - r2dz))
        adj = np.sign(b[1]) * (abs(b[1]) - bias)
        adj_se = se[1] * np.sqrt((1 - r2yz) / (1 - r2dz)) * np.sqrt(dof / (dof - 1))
        print(f"bound {name} {k:g} r2dz {r2dz:.15g} r2yz {r2yz:.15g} adj {adj:.15g}"
              f" adj_se {adj_se:.15g} lower {adj - tcrit * adj_se:.15g}"
              f" upper {adj + tcrit * adj_se:.15g}")

# E-value of the difference in means of yb between the arms of tb.
y1, y0 = yb[tb == 1], yb[tb == 0]
diff = y1.mean() - y0.mean()
neyman = np.sqrt(y1.var(ddof=1) / len(y1) + y0.var(ddof=1) / len(y0))
pooled = np.sqrt((((y1 - y1.mean())**2).sum() + ((y0 - y0.mean())**2).sum()) / (n - 2))
smd = diff / pooled
rr = np.exp(0.91 * smd)
lo, hi = np.exp(0.91 * smd - 1.78 * neyman / pooled), np.exp(0.91 * smd + 1.78 * neyman / pooled)


def evalue(r):
    r = 1 / r if r < 1 else r
    return r + np.sqrt(r * (r - 1))


bound = evalue(lo) if lo > 1 else (evalue(hi) if hi < 1 else 1.0)
print(f"evalue diff {diff:.15g} neyman_se {neyman:.15g} pooled_sd {pooled:.15g}")
print(f"evalue rr {rr:.15g} lower {lo:.15g} upper {hi:.15g} point {evalue(rr):.15g}"
      f" bound {bound:.15g}")
