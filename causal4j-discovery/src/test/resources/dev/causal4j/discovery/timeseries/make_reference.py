"""Reference numbers for GrangerTest and VarLingamTest, computed independently with numpy/scipy.

Writes granger_var2.csv and var_lingam.csv and prints the figures the tests quote. Run from this
directory: python3 make_reference.py > reference_output.txt
"""
import numpy as np
from scipy import stats

np.set_printoptions(precision=10, suppress=False)


def simulate(coef_lags, b0, n, rng, noise, burn=300):
    """X(t) = B0 X(t) + sum_tau B_tau X(t-tau) + e(t), with B0 acyclic (strictly lower after order)."""
    p = b0.shape[0]
    L = len(coef_lags)
    inv = np.linalg.inv(np.eye(p) - b0)
    x = np.zeros((n + burn, p))
    for t in range(L, n + burn):
        s = noise(rng, p)
        for tau in range(1, L + 1):
            s = s + coef_lags[tau - 1] @ x[t - tau]
        x[t] = inv @ s
    return x[burn:]


def design(x, max_lag, lags):
    """Rows t = max_lag..n-1; columns X(t-1) (all variables), then X(t-2), ... up to lags."""
    n, p = x.shape
    y = x[max_lag:]
    cols = [x[max_lag - tau:n - tau] for tau in range(1, lags + 1)]
    return y, (np.hstack(cols) if cols else np.zeros((n - max_lag, 0)))


def ols(y, X):
    """Least squares with intercept: coefficients (without intercept), residuals, coef covariance."""
    m = len(y)
    A = np.hstack([np.ones((m, 1)), X])
    beta, *_ = np.linalg.lstsq(A, y, rcond=None)
    res = y - A @ beta
    dof = m - A.shape[1]
    sigma2 = res @ res / dof
    cov = sigma2 * np.linalg.inv(A.T @ A)
    return beta[1:], res, cov[1:, 1:], dof


# ---------------------------------------------------------------- Granger: a VAR(2), 3 variables
rng = np.random.default_rng(20240601)
M1 = np.array([[0.5, 0.0, 0.0],
               [0.0, 0.4, 0.0],
               [-0.25, 0.35, 0.3]])
M2 = np.array([[-0.3, 0.0, 0.0],
               [0.4, 0.0, 0.0],
               [0.0, 0.0, 0.0]])
x = simulate([M1, M2], np.zeros((3, 3)), 500, rng, lambda r, p: r.standard_normal(p))
np.savetxt("granger_var2.csv", x, delimiter=",", header="X,Y,Z", comments="", fmt="%.7f")
x = np.loadtxt("granger_var2.csv", delimiter=",", skiprows=1)  # the rounded values Java reads
names = ["X", "Y", "Z"]
MAX_LAG = 4
ALPHA = 0.01
p = 3
print("== granger_var2.csv: max lag", MAX_LAG)
for crit in ["aic", "bic"]:
    vals = []
    for L in range(1, MAX_LAG + 1):
        y, X = design(x, MAX_LAG, L)
        res = np.column_stack([ols(y[:, j], X)[1] for j in range(p)])
        m = len(y)
        sigma = res.T @ res / m
        k = p * p * L
        pen = 2 * k / m if crit == "aic" else k * np.log(m) / m
        vals.append(np.linalg.slogdet(sigma)[1] + pen)
    print(crit, "by order:", ", ".join("%.10f" % v for v in vals), " chosen:", 1 + int(np.argmin(vals)))

order = 2
y, X = design(x, MAX_LAG, order)
print("samples:", len(y))
for j in range(p):
    beta, res, cov, dof = ols(y[:, j], X)
    for i in range(p):
        pos = [(tau - 1) * p + i for tau in range(1, order + 1)]
        b = beta[pos]
        V = cov[np.ix_(pos, pos)]
        F = b @ np.linalg.solve(V, b) / len(pos)
        pf = stats.f.sf(F, len(pos), dof)
        for tau, k in zip(range(1, order + 1), pos):
            t = beta[k] / np.sqrt(cov[k, k])
            pt = 2 * stats.t.sf(abs(t), dof)
            print("%s(t-%d) -> %s: beta %.10f t %.10f p_t %.6e | F %.8f p_F %.6e"
                  % (names[i], tau, names[j], beta[k], t, pt, F, pf))

# ------------------------------------------- VAR-LiNGAM: contemporaneous X -> Y -> Z, uniform noise
rng = np.random.default_rng(7)
B0 = np.array([[0.0, 0.0, 0.0],
               [0.8, 0.0, 0.0],
               [0.0, -0.6, 0.0]])
B1 = np.array([[0.4, 0.0, 0.0],
               [0.0, 0.3, 0.0],
               [0.5, 0.0, 0.35]])
unif = lambda r, p: r.uniform(-np.sqrt(3), np.sqrt(3), p)
x = simulate([B1], B0, 2000, rng, unif)
np.savetxt("var_lingam.csv", x, delimiter=",", header="X,Y,Z", comments="", fmt="%.7f")
x = np.loadtxt("var_lingam.csv", delimiter=",", skiprows=1)
print("== var_lingam.csv: max lag 1; true B0 X->Y 0.8, Y->Z -0.6; true B1 diag 0.4 0.3 0.35, X->Z 0.5")
y, X = design(x, 1, 1)
# Structural regressions with the true instantaneous parents: X on lags; Y on X(t) and lags;
# Z on Y(t) and lags.
parents = {0: [], 1: [0], 2: [1]}
for j in range(p):
    Xj = np.hstack([y[:, parents[j]], X])
    beta, res, cov, dof = ols(y[:, j], Xj)
    k0 = len(parents[j])
    for a, i in enumerate(parents[j]):
        print("%s(t) -> %s: %.10f" % (names[i], names[j], beta[a]))
    for i in range(p):
        k = k0 + i
        t = beta[k] / np.sqrt(cov[k, k])
        print("%s(t-1) -> %s: beta %.10f p_t %.6e" % (names[i], names[j], beta[k],
                                                      2 * stats.t.sf(abs(t), dof)))
