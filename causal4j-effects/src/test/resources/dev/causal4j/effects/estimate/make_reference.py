"""Reference values for EstimatorReferenceTest, computed independently with numpy.

Writes reference_data.csv (fixed data, including given nuisance predictions) and prints the
numbers the test asserts. Run: python3 make_reference.py
"""
import numpy as np

rng = np.random.default_rng(20261128)
n = 200
x1 = rng.normal(size=n)
x2 = rng.normal(size=n)
e_true = 1 / (1 + np.exp(-(0.5 * x1 - 0.3 * x2)))
t = (rng.uniform(size=n) < e_true).astype(float)
y = 1 + 2 * t + x1 + 0.5 * x2 + t * x1 + rng.normal(size=n) * (1 + 0.5 * np.abs(x1))
# Given nuisance "predictions": deliberately not the truth, so the scores' algebra is tested.
e = np.clip(e_true + 0.05 * np.sin(3 * x2), 0.05, 0.95)
mu0 = 1 + 0.9 * x1 + 0.4 * x2
mu1 = 3 + 1.8 * x1 + 0.6 * x2
# Instrument and a continuous endogenous treatment.
u = rng.normal(size=n)
z = rng.normal(size=n)
d = 0.8 * z + 0.5 * x1 + u + rng.normal(size=n)
yiv = 1.5 * d + x1 + u + rng.normal(size=n)
ell = 1.0 + 1.2 * x1
m = 0.45 * x1

np.savetxt("reference_data.csv", np.column_stack([x1, x2, t, y, e, mu0, mu1, z, d, yiv, ell, m]),
           delimiter=",", header="x1,x2,t,y,e,mu0,mu1,z,d,yiv,ell,m", comments="", fmt="%.17g")


def ols_hc(X, y):
    XtX_inv = np.linalg.inv(X.T @ X)
    b = XtX_inv @ X.T @ y
    r = y - X @ b
    h = np.einsum("ij,jk,ik->i", X, XtX_inv, X)
    k = X.shape[1]
    out = {}
    for name, w in [("HC0", r**2), ("HC1", r**2 * n / (n - k)), ("HC2", r**2 / (1 - h)),
                    ("HC3", r**2 / (1 - h)**2)]:
        V = XtX_inv @ (X.T * w) @ X @ XtX_inv
        out[name] = np.sqrt(np.diag(V))
    return b, out


X = np.column_stack([np.ones(n), t, x1, x2])
b, se = ols_hc(X, y)
print("OLS coefficients", list(b))
for k_, v in se.items():
    print("OLS", k_, list(v))

# Difference in means and Neyman SE (= HC2).
y1, y0 = y[t == 1], y[t == 0]
print("diff", y1.mean() - y0.mean(), "neyman se",
      np.sqrt(y1.var(ddof=1) / len(y1) + y0.var(ddof=1) / len(y0)))

# Regression adjustment with interactions centred on the treated (ATT), SE with the mean term.
Xc = np.column_stack([x1, x2])
ctr = Xc[t == 1].mean(axis=0)
D = np.column_stack([np.ones(n), t, Xc - ctr, t[:, None] * (Xc - ctr)])
bd, sed = ols_hc(D, y)
delta = bd[4:6]
cov_t = np.cov((Xc[t == 1]).T, ddof=1)
n1 = int(t.sum())
print("RA ATT", bd[1], "se", np.sqrt(sed["HC2"][1]**2 + delta @ cov_t @ delta / n1))


def hajek(y, t, e, est):
    if est == "ate":
        w1, w0 = t / e, (1 - t) / (1 - e)
    elif est == "att":
        w1, w0 = t, (1 - t) * e / (1 - e)
    else:
        w1, w0 = t * (1 - e) / e, (1 - t)
    m1 = (w1 * y).sum() / w1.sum()
    m0 = (w0 * y).sum() / w0.sum()
    psi = w1 * (y - m1) / w1.mean() - w0 * (y - m0) / w0.mean()
    return m1 - m0, np.sqrt((psi**2).mean() / n)


def aipw(y, t, e, mu0, mu1, est):
    if est == "ate":
        phi = mu1 - mu0 + t * (y - mu1) / e - (1 - t) * (y - mu0) / (1 - e)
        tau = phi.mean()
        psi = phi - tau
    else:
        # Doubly robust ATT with normalised control weights (Sant'Anna & Zhao 2020); ATC mirrored.
        if est == "att":
            a, r, w = t, y - mu0, (1 - t) * e / (1 - e)
        else:
            a, r, w = 1 - t, mu1 - y, t * (1 - e) / e
        m_a = (a * r).sum() / a.sum()
        m_w = (w * r).sum() / w.sum()
        tau = m_a - m_w
        psi = a * (r - m_a) / a.mean() - w * (r - m_w) / w.mean()
    return tau, np.sqrt((psi**2).mean() / len(y))


for est in ["ate", "att", "atc"]:
    print("IPW", est, *hajek(y, t, e, est))
    print("AIPW", est, *aipw(y, t, e, mu0, mu1, est))

# 2SLS of yiv on [1, d, x1] with instruments [1, z, x1]; HC1 sandwich with structural residuals.
Z = np.column_stack([np.ones(n), z, x1])
Xs = np.column_stack([np.ones(n), d, x1])
Pz = Z @ np.linalg.solve(Z.T @ Z, Z.T)
Xh = Pz @ Xs
bh = np.linalg.solve(Xh.T @ Xh, Xh.T @ yiv)
r = yiv - Xs @ bh
A = np.linalg.inv(Xh.T @ Xh)
V = A @ (Xh.T * r**2) @ Xh @ A * n / (n - 3)
# First-stage F for z: unrestricted d ~ 1 + z + x1, restricted d ~ 1 + x1.
ru = d - Z @ np.linalg.lstsq(Z, d, rcond=None)[0]
W = np.column_stack([np.ones(n), x1])
rr = d - W @ np.linalg.lstsq(W, d, rcond=None)[0]
F = ((rr @ rr - ru @ ru) / 1) / (ru @ ru / (n - 3))
print("2SLS", bh[1], "se", np.sqrt(V[1, 1]), "F", F)

# Partially linear DML with given ell(X) = E[Y|X] and m(X) = E[T|X] (yiv on d).
v = d - m
uu = yiv - ell
theta = (v * uu).sum() / (v * v).sum()
J = (v * v).mean()
psi = (uu - theta * v) * v
print("PLR", theta, "se", np.sqrt((psi**2).mean() / J**2 / n))

# Ridge regression of y on x1, x2 (λ = 0.5 on standardized features, population SD, unpenalised
# intercept; objective mean squared error + λ‖β‖²), coefficients on the original scale.
Xr = np.column_stack([x1, x2])
mu_r, sd_r = Xr.mean(axis=0), Xr.std(axis=0)
S = (Xr - mu_r) / sd_r
lam = 0.5
beta_s = np.linalg.solve(S.T @ S / n + lam * np.eye(2), S.T @ (y - y.mean()) / n)
coef = beta_s / sd_r
print("ridge", y.mean() - coef @ mu_r, list(coef))

# Logistic regression of t on x1, x2 by Newton's method, no penalty (the MLE).
Xl = np.column_stack([np.ones(n), x1, x2])
bl = np.zeros(3)
for _ in range(50):
    pl = 1 / (1 + np.exp(-Xl @ bl))
    bl = bl + np.linalg.solve(Xl.T @ (Xl * (pl * (1 - pl))[:, None]), Xl.T @ (t - pl))
print("logistic", list(bl))


# LaLonde's observational set: cross-fitted AIPW (ATT) with least squares for mu0 on the
# controls of the training folds and unpenalised logistic regression for e, clipped at 0.99 only
# (the ATT's weights e/(1-e) grow only as e -> 1). Folds: within each arm, in row order, the k-th unit goes to fold k % 5.
# Also without cross-fitting (one fold: fit and predict on all rows).
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "lalonde_observational.csv")) as f:
    rows = list(csv.DictReader(f))
lt = np.array([float(r["treat"]) for r in rows])
ly = np.array([float(r["re78"]) for r in rows])
LX = np.column_stack([[float(r["age"]) for r in rows], [float(r["educ"]) for r in rows],
                      [r["race"] == "hispan" for r in rows], [r["race"] == "white" for r in rows],
                      [float(r["married"]) for r in rows], [float(r["nodegree"]) for r in rows],
                      [float(r["re74"]) for r in rows], [float(r["re75"]) for r in rows]]).astype(float)
ln = len(lt)


def logistic_mle(X, t):
    Z = np.column_stack([np.ones(len(t)), X])
    b = np.zeros(Z.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-Z @ b))
        b = b + np.linalg.solve(Z.T @ (Z * (p * (1 - p))[:, None]), Z.T @ (t - p))
    return b


def cross_fit(fold):
    e_ = np.zeros(ln)
    m0 = np.zeros(ln)
    k = fold.max() + 1
    for f in range(k):
        train = fold != f if k > 1 else np.ones(ln, bool)
        test = fold == f
        bl = logistic_mle(LX[train], lt[train])
        e_[test] = 1 / (1 + np.exp(-np.column_stack([np.ones(test.sum()), LX[test]]) @ bl))
        c = train & (lt == 0)
        bo = np.linalg.lstsq(np.column_stack([np.ones(c.sum()), LX[c]]), ly[c], rcond=None)[0]
        m0[test] = np.column_stack([np.ones(test.sum()), LX[test]]) @ bo
    return np.minimum(e_, 0.99), m0


fold5 = np.zeros(ln, int)
for arm in (0, 1):
    idx = np.where(lt == arm)[0]
    fold5[idx] = np.arange(len(idx)) % 5
for name, fold in [("5 folds", fold5), ("no cross-fitting", np.zeros(ln, int))]:
    le, lm0 = cross_fit(fold)
    print("LaLonde AIPW ATT", name, *aipw(ly, lt, le, lm0, lm0, "att"))
