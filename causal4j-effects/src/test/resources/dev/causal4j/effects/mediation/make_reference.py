"""Linear mediation data and reference numbers for LinearMediationTest (numpy only).

Model (seeded):  C ~ N(0, 1)
                 T = 0.5 C + N(0, 1)
                 M1 = 0.8 T + 0.3 C + N(0, 1)
                 M2 = -0.6 T + 0.2 C + N(0, 1)
                 Y = 0.5 T + 1.2 M1 + 0.7 M2 + 0.4 C + N(0, 1)
True effects of T: 0 -> 1: NDE 0.5, NIE 0.8*1.2 + (-0.6)*0.7 = 0.54, TE 1.04.

Writes linear_mediation.csv and prints the OLS product-of-coefficients estimates and their
standard errors, computed here independently of Causal4J: OLS by numpy.linalg.lstsq, classical
covariance sigma^2 (X'X)^-1, and the delta method for the joint indirect effect,
Var = b' S_a b + a' S_b a, with S_a[k,l] = s_kl (X'X)^-1_TT from the mediator models' residual
covariance s_kl (divisor n - p).

Run: python3 make_reference.py
"""
import numpy as np

rng = np.random.default_rng(4)
n = 400
C = rng.normal(size=n)
T = 0.5 * C + rng.normal(size=n)
M1 = 0.8 * T + 0.3 * C + rng.normal(size=n)
M2 = -0.6 * T + 0.2 * C + rng.normal(size=n)
Y = 0.5 * T + 1.2 * M1 + 0.7 * M2 + 0.4 * C + rng.normal(size=n)

with open("linear_mediation.csv", "w") as f:
    f.write("C,T,M1,M2,Y\n")
    for row in zip(C, T, M1, M2, Y):
        f.write(",".join(repr(float(v)) for v in row) + "\n")


def ols(X, y):
    X1 = np.column_stack([np.ones(len(y)), X])
    beta, *_ = np.linalg.lstsq(X1, y, rcond=None)
    resid = y - X1 @ beta
    df = len(y) - X1.shape[1]
    s2 = resid @ resid / df
    cov = s2 * np.linalg.inv(X1.T @ X1)
    return beta, cov, resid, df, np.linalg.inv(X1.T @ X1)


Xm = np.column_stack([T, C])
b1, c1, r1, df, xtxinv = ols(Xm, M1)
b2, c2, r2, _, _ = ols(Xm, M2)
by, cy, _, _, _ = ols(np.column_stack([T, M1, M2, C]), Y)
bt, ct, _, _, _ = ols(Xm, Y)

a = np.array([b1[1], b2[1]])
b = np.array([by[2], by[3]])
R = np.column_stack([r1, r2])
S = R.T @ R / df
Sa = S * xtxinv[1, 1]
Sb = cy[2:4, 2:4]
nie = a @ b
se_nie = np.sqrt(b @ Sa @ b + a @ Sb @ a)
print(f"NDE = {float(by[1])!r}, SE = {float(np.sqrt(cy[1, 1]))!r}")
print(f"NIE = {float(nie)!r}, SE = {float(se_nie)!r}")
print(f"TE  = {float(bt[1])!r}, SE = {float(np.sqrt(ct[1, 1]))!r}")
print(f"a = {a.tolist()!r}, b = {b.tolist()!r}")
