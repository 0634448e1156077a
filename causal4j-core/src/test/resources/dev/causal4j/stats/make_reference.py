#!/usr/bin/env python3
"""Makes the fixed test data in this folder and prints the reference values that the Java tests
in dev.causal4j.stats / independence / score compare against. Run from this folder:

    python3 make_reference.py > reference_values.txt

Everything here is computed independently of the Java code: partial correlations by matrix
inversion (not Cholesky), OLS by least squares, G²/χ² by scipy.stats.chi2_contingency per stratum,
BDeu by summing scipy.special.gammaln over every parent configuration (empty ones included), the
conditional-Gaussian LRT from per-cell numpy covariances, KCI from the published formulas
(Zhang et al. 2011, causal-learn's KCI_CInd with est_width='median') and the Hall-Buckley-Eagleson
approximation from its cumulants. numpy 2.x, scipy 1.x.
"""
import itertools
import numpy as np
from scipy import stats, special

rng = np.random.default_rng(20261127)

def r(v):
    return repr(float(v))


# ---------------------------------------------------------------- continuous (linear Gaussian)
n = 200
a = rng.normal(size=n)
b = 0.8 * a + rng.normal(size=n)
c = rng.normal(size=n) + 5.0
d = 0.5 * b - 0.7 * c + rng.normal(size=n)
e = 0.3 * d + rng.normal(size=n) * 2 + 100.0
X = np.column_stack([a, b, c, d, e])
names = ["A", "B", "C", "D", "E"]
np.savetxt("continuous.csv", X, delimiter=",", header=",".join(names), comments="", fmt="%.17g")

def fisher_z(X, x, y, z):
    idx = [x, y] + list(z)
    S = np.cov(X[:, idx], rowvar=False)
    P = np.linalg.inv(S)
    r = -P[0, 1] / np.sqrt(P[0, 0] * P[1, 1])
    stat = np.sqrt(X.shape[0] - len(z) - 3) * np.arctanh(r)
    return stat, 2 * stats.norm.sf(abs(stat))

print("# Fisher Z on continuous.csv: x y z... statistic p")
for x, y, z in [(0, 1, []), (0, 2, []), (0, 3, [1]), (0, 3, []), (2, 4, [3]), (0, 4, [3]),
                (1, 2, [0, 3]), (0, 4, [1, 2, 3])]:
    s, p = fisher_z(X, x, y, z)
    print("fisherz", x, y, " ".join(map(str, z)) or "-", r(s), r(p))

def bic(X, node, parents, c):
    nn = X.shape[0]
    A = np.column_stack([np.ones(nn)] + [X[:, q] for q in parents])
    beta, *_ = np.linalg.lstsq(A, X[:, node], rcond=None)
    rss = np.sum((X[:, node] - A @ beta) ** 2)
    s2 = rss / nn
    ll = -nn / 2 * (np.log(2 * np.pi * s2) + 1)
    return 2 * ll - c * (len(parents) + 1) * np.log(nn)

print("# linear BIC on continuous.csv: node parents... penalty score")
for node, parents, pen in [(0, [], 1.0), (1, [0], 1.0), (3, [1, 2], 2.0), (4, [3], 1.0),
                           (4, [0, 1, 2, 3], 2.0)]:
    print("bic", node, " ".join(map(str, parents)) or "-", pen, r(bic(X, node, parents, pen)))
C = np.cov(X, rowvar=False)
print("cov", r(C[0, 0]), r(C[1, 3]), r(C[4, 4]), r(C[2, 4]))

# ---------------------------------------------------------------- discrete
n = 300
g = rng.integers(0, 3, size=n)
h = np.where(rng.random(n) < 0.7, g % 2, rng.integers(0, 2, size=n))
k = np.where(rng.random(n) < 0.6, (h + rng.integers(0, 2, size=n)) % 3, rng.integers(0, 3, size=n))
m = np.where(rng.random(n) < 0.5, g, rng.integers(0, 4, size=n))
D = np.column_stack([g, h, k, m]).astype(int)
dn = ["G", "H", "K", "M"]
levels = [3, 2, 3, 4]
np.savetxt("discrete.csv", D, delimiter=",", header=",".join(dn), comments="", fmt="%d")

def contingency(D, x, y, z, lam):
    total, dof = 0.0, 0
    zconf = [tuple(r) for r in D[:, z]] if z else [()] * len(D)
    for conf in sorted(set(zconf)):
        rows = np.array([q for q in range(len(D)) if zconf[q] == conf])
        t = np.zeros((levels[x], levels[y]))
        for q in rows:
            t[D[q, x], D[q, y]] += 1
        t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
        if t.shape[0] < 2 or t.shape[1] < 2:
            continue
        s, _, df, _ = stats.chi2_contingency(t, correction=False, lambda_=lam)
        total += s
        dof += df
    return total, dof, (stats.chi2.sf(total, dof) if dof > 0 else 1.0)

print("# G2 and chi2 on discrete.csv: x y z... statistic dof p")
for x, y, z in [(0, 1, []), (0, 2, []), (1, 2, [0]), (0, 2, [1]), (2, 3, [0, 1]), (0, 3, [1, 2])]:
    for lam, name in [("log-likelihood", "gsquare"), ("pearson", "chisquare")]:
        s, df, p = contingency(D, x, y, z, lam)
        print(name, x, y, " ".join(map(str, z)) or "-", r(s), df, r(p))

def bdeu(D, node, parents, ess, sp):
    r = levels[node]
    q = int(np.prod([levels[pp] for pp in parents])) if parents else 1
    aj, ajk = ess / q, ess / (q * r)
    score = 0.0
    for conf in itertools.product(*[range(levels[pp]) for pp in parents]):
        mask = np.all(D[:, parents] == np.array(conf), axis=1) if parents else np.ones(len(D), bool)
        nj = mask.sum()
        score += special.gammaln(aj) - special.gammaln(aj + nj)
        for kk in range(r):
            njk = np.sum(D[mask, node] == kk)
            score += special.gammaln(ajk + njk) - special.gammaln(ajk)
    if sp > 0:
        others = D.shape[1] - 1
        pr = sp / others
        score += len(parents) * np.log(pr) + (others - len(parents)) * np.log(1 - pr)
    return score

print("# BDeu on discrete.csv: node parents... ess structurePrior score")
for node, parents, ess, sp in [(0, [], 1.0, 0.0), (1, [0], 1.0, 0.0), (2, [0, 1], 10.0, 0.0),
                               (3, [0, 1, 2], 1.0, 1.0), (2, [1], 2.0, 1.5)]:
    print("bdeu", node, " ".join(map(str, parents)) or "-", ess, sp,
          r(bdeu(D, node, parents, ess, sp)))

# ---------------------------------------------------------------- mixed (conditional Gaussian)
n = 400
s1 = rng.integers(0, 2, size=n)
u = rng.normal(size=n) + 1.5 * s1
v = 0.8 * u + rng.normal(size=n) * (1 + s1)
s2 = (rng.random(n) < 1 / (1 + np.exp(-v))).astype(int)
w = rng.normal(size=n) - s2 + 0.4 * v
M = np.column_stack([s1, u, v, s2, w])
mn = ["S1", "U", "V", "S2", "W"]
disc = [True, False, False, True, False]
mlev = [2, 0, 0, 2, 0]
with open("mixed.csv", "w") as f:
    f.write(",".join(mn) + "\n")
    for row in M:
        f.write(",".join(str(int(row[j])) if disc[j] else repr(float(row[j])) for j in range(5)) + "\n")

def cg_joint(M, vars_):
    dv = [j for j in vars_ if disc[j]]
    cv = [j for j in vars_ if not disc[j]]
    nn = len(M)
    if not vars_:
        return 0.0, 0.0
    cells = {}
    for q in range(nn):
        cells.setdefault(tuple(int(M[q, j]) for j in dv), []).append(q)
    ll, dof, p = 0.0, 0.0, len(cv)
    for rows in cells.values():
        nc = len(rows)
        ll += nc * np.log(nc / nn)
        if p:
            Y = M[np.ix_(rows, cv)]
            S = np.atleast_2d(np.cov(Y, rowvar=False, bias=True))
            assert nc > p
            ll += -0.5 * nc * (p * np.log(2 * np.pi) + np.linalg.slogdet(S)[1] + p)
            dof += p + p * (p + 1) / 2
    dof += len(cells) - 1
    return ll, dof

def cg_test(M, x, y, z):
    l1, d1 = cg_joint(M, [x, y] + z)
    l2, d2 = cg_joint(M, [y] + z)
    l3, d3 = cg_joint(M, [x] + z)
    l4, d4 = cg_joint(M, z)
    stat = 2 * (l1 - l2 - l3 + l4)
    dof = max(1.0, d1 - d2 - d3 + d4)
    return max(0.0, stat), dof, stats.chi2.sf(max(0.0, stat), dof)

print("# CG LRT on mixed.csv: x y z... statistic dof p")
for x, y, z in [(0, 1, []), (1, 3, []), (1, 3, [2]), (0, 2, [1]), (3, 4, [2]), (0, 4, [1, 2, 3]),
                (0, 3, [2])]:
    s, df, p = cg_test(M, x, y, z)
    print("cg", x, y, " ".join(map(str, z)) or "-", r(s), df, r(p))

print("# CG BIC on mixed.csv: node parents... penalty score")
for node, parents, pen in [(1, [0], 1.0), (3, [2], 1.0), (4, [2, 3], 2.0), (0, [1, 2], 1.0)]:
    l1, d1 = cg_joint(M, [node] + parents)
    l0, d0 = cg_joint(M, parents)
    print("cgbic", node, " ".join(map(str, parents)), pen,
          r(2 * (l1 - l0) - pen * (d1 - d0) * np.log(len(M))))

# ---------------------------------------------------------------- KCI (published formulas)
n = 120
kz1 = rng.normal(size=n)
kx = np.sin(2 * kz1) + 0.3 * rng.normal(size=n)
ky = kz1 ** 2 + 0.3 * rng.normal(size=n)
kw = np.cos(kx) + 0.2 * rng.normal(size=n)
K = np.column_stack([kx, ky, kz1, kw])
np.savetxt("kernel.csv", K, delimiter=",", header="X,Y,Z,W", comments="", fmt="%.17g")

def zscore(a):
    a = np.atleast_2d(a.T).T
    return (a - a.mean(axis=0)) / a.std(axis=0, ddof=1)

def gauss_kernel(a, mode="median", conditional=True):
    nn, dim = a.shape
    sq = ((a[:, None, :] - a[None, :, :]) ** 2).sum(-1)
    if mode == "median":
        dists = np.sqrt(sq[np.triu_indices(nn, 1)])
        width = np.sqrt(2.0) * np.median(dists[dists > 0])
        theta = 1 / width ** 2
    elif conditional:  # causal-learn set_width_empirical_kci
        w = 1.2 if nn < 200 else (0.7 if nn < 1200 else 0.4)
        theta = 1 / w ** 2 / dim
    else:  # causal-learn set_width_empirical_hsic
        w = 0.8 if nn < 200 else (0.5 if nn < 1200 else 0.3)
        theta = 1 / w ** 2 * dim
    return np.exp(-0.5 * sq * theta)

def centre(Kk):
    nn = len(Kk)
    H = np.eye(nn) - np.ones((nn, nn)) / nn
    return H @ Kk @ H

def kci(K, x, y, z, mode, eigen=True):
    nn = len(K)
    X, Y = zscore(K[:, x]), zscore(K[:, y])
    if not z:
        Kx, Ky = centre(gauss_kernel(X, mode, False)), centre(gauss_kernel(Y, mode, False))
        stat = np.sum(Kx * Ky)
        mean = np.trace(Kx) * np.trace(Ky) / nn
        var = 2 * np.sum(Kx ** 2) * np.sum(Ky ** 2) / nn / nn
    else:
        Z = zscore(K[:, z])
        Kx = centre(gauss_kernel(np.concatenate([X, 0.5 * Z], axis=1), mode))
        Ky = centre(gauss_kernel(Y, mode))
        Kz = centre(gauss_kernel(Z, mode))
        eps = 1e-3
        Rz = eps * np.linalg.inv(Kz + eps * np.eye(nn))
        KxR, KyR = Rz @ Kx @ Rz, Rz @ Ky @ Rz
        stat = np.sum(KxR * KyR)
        if not eigen:
            # The same moments without eigendecompositions: U U^T = KxR o KyR (Hadamard).
            mean = np.sum(np.diag(KxR) * np.diag(KyR))
            var = 2 * np.sum((KxR * KyR) ** 2)
            k_, th = mean ** 2 / var, var / mean
            return stat, stats.gamma.sf(stat, k_, 0, th)
        def eig(Mm):
            wv, vv = np.linalg.eigh(0.5 * (Mm + Mm.T))
            keep = wv > wv.max() * 1e-5
            return vv[:, keep] * np.sqrt(wv[keep])
        vx, vy = eig(KxR), eig(KyR)
        uu = np.stack([vx[:, i] * vy[:, j] for i in range(vx.shape[1]) for j in range(vy.shape[1])], axis=1)
        prod = uu @ uu.T if uu.shape[1] > nn else uu.T @ uu
        mean = np.trace(prod)
        var = 2 * np.trace(prod @ prod)
    k_, th = mean ** 2 / var, var / mean
    return stat, stats.gamma.sf(stat, k_, 0, th)

print("# KCI on kernel.csv: bandwidth x y z... statistic p(eigenvalues as causal-learn) p(Hadamard)")
for mode in ["median", "empirical"]:
    for x, y, z in [(0, 1, []), (0, 1, [2]), (0, 3, []), (1, 3, [0]), (0, 3, [2])]:
        s, p = kci(K, x, y, z, mode)
        _, ph = kci(K, x, y, z, mode, eigen=False)
        print("kci", mode.upper(), x, y, " ".join(map(str, z)) or "-", r(s), r(p), r(ph))

# ---------------------------------------------------------------- HBE
def hbe(lam, t):
    lam = np.asarray(lam)
    k1, k2, k3 = lam.sum(), 2 * (lam ** 2).sum(), 8 * (lam ** 3).sum()
    nu = 8 * k2 ** 3 / k3 ** 2
    return stats.chi2.sf((t - k1) / np.sqrt(k2) * np.sqrt(2 * nu) + nu, nu)

print("# HBE: weights... | t p")
for lam, t in [([1.0], 3.84), ([2.0, 1.0, 0.5, 0.25], 6.0), ([0.3] * 25, 12.0)]:
    print("hbe", " ".join(map(r, lam)), "|", t, r(hbe(lam, t)))
