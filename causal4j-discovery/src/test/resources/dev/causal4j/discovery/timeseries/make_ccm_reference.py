"""Reference numbers for ConvergentCrossMappingTest, computed independently with numpy.

Two logistic maps after Sugihara et al. (2012): x(t+1) = x(t)(3.8 - 3.8 x(t)),
y(t+1) = y(t)(3.5 - 3.5 y(t) - 0.1 x(t)): x drives y, nothing drives x. Writes ccm_logistic.csv
(400 time points) and prints the simplex and cross-map skills. Run from this directory:
python3 make_ccm_reference.py > ccm_reference_output.txt
"""
import numpy as np

n, burn = 400, 100
x = np.empty(n + burn)
y = np.empty(n + burn)
x[0], y[0] = 0.4, 0.2
for t in range(n + burn - 1):
    x[t + 1] = x[t] * (3.8 - 3.8 * x[t])
    y[t + 1] = y[t] * (3.5 - 3.5 * y[t] - 0.1 * x[t])
data = np.column_stack([x[burn:], y[burn:]])
np.savetxt("ccm_logistic.csv", data, delimiter=",", header="x,y", comments="", fmt="%.12f")
data = np.loadtxt("ccm_logistic.csv", delimiter=",", skiprows=1)
x, y = data[:, 0], data[:, 1]


def lagged(v, depth, lag):
    """v(t - lag) for the rows t = depth .. n-1."""
    return v[depth - lag:len(v) - lag]


def skill(coords, target):
    """Simplex cross-map skill: E+1 nearest other points, weights exp(-d/d1), Pearson rho."""
    m, e = coords.shape
    k = e + 1
    d = np.sqrt(((coords[:, None, :] - coords[None, :, :]) ** 2).sum(axis=2))
    est = np.empty(m)
    for q in range(m):
        dq = d[q].copy()
        dq[q] = np.inf
        order = np.argsort(dq, kind="stable")[:k]
        d1 = max(dq[order[0]], np.finfo(float).tiny)
        w = np.exp(-dq[order] / d1)
        est[q] = w @ target[order] / w.sum()
    return np.corrcoef(est, target)[0, 1]


def manifold(v, depth, offset, e, tau=1):
    return np.column_stack([lagged(v, depth, offset + k * tau) for k in range(e)])


# Fixed E = 2, max lag 2: depth max(1, 2) + (2 - 1) = 3.
depth = 3
print("== E = 2, max lag 2, rows", len(x) - depth)
for name, cause, effect in [("x -> y", x, y), ("y -> x", y, x)]:
    M = manifold(effect, depth, 0, 2)
    past = [skill(M, lagged(cause, depth, l)) for l in range(3)]
    fut = [skill(manifold(effect, depth, l, 2), lagged(cause, depth, 0)) for l in (1, 2)]
    print(name, "past lags 0..2:", " ".join("%.12f" % v for v in past),
          "| future lags 1..2:", " ".join("%.12f" % v for v in fut))

# E chosen by simplex projection up to 4, max lag 1: depth 1 + 3 = 4.
depth = 4
print("== simplex projection, E = 1..4, rows", len(x) - depth)
for name, v in [("x", x), ("y", y)]:
    s = [skill(manifold(v, depth, 1, e), lagged(v, depth, 0)) for e in range(1, 5)]
    print(name, " ".join("%.12f" % r for r in s), "chosen E =", 1 + int(np.argmax(s)))
