"""Reference values for ProfileStatisticsTest, computed with numpy/scipy (run: python3 make_reference.py).

The data are deterministic formulas, so the Java test rebuilds them without a file.
"""
import numpy as np
from scipy import stats

np.set_printoptions(precision=17)

# Anderson-Darling: x_i = exp(sin(1.3 i)) for i = 0..39 (skewed), and the i/39 ramp (uniform-like).
for name, x in [("skewed", np.exp(np.sin(1.3 * np.arange(40)))),
                ("ramp", np.arange(40) / 39.0)]:
    a2 = stats.anderson(x, dist="norm", method="interpolate")
    n = len(x)
    astar = a2.statistic * (1 + 0.75 / n + 2.25 / n**2)
    # D'Agostino & Stephens (1986) Table 4.9, written out independently of the Java code.
    if astar >= 0.6:
        p = np.exp(1.2937 - 5.709 * astar + 0.0186 * astar**2)
    elif astar >= 0.34:
        p = np.exp(0.9177 - 4.279 * astar - 1.38 * astar**2)
    elif astar >= 0.2:
        p = 1 - np.exp(-8.318 + 42.796 * astar - 59.938 * astar**2)
    else:
        p = 1 - np.exp(-13.436 + 101.14 * astar - 223.73 * astar**2)
    print(f"AD {name}: A2={a2.statistic!r} A*2={astar!r} p={p!r} scipy_interpolated_p={a2.pvalue!r}")

# Benjamini-Hochberg.
pv = np.array([0.01, 0.04, 0.03, 0.005, 0.5, 0.2])
print("BH", repr(stats.false_discovery_control(pv, method="bh")))

# Spline F-test: x_i = (i - 50) / 20, y_i = x_i^2 + 0.3 sin(7 i) for i = 0..99.
i = np.arange(100)
x = (i - 50) / 20.0
y = x**2 + 0.3 * np.sin(7 * i)
k = np.quantile(x, [0.25, 0.5, 0.75])
X0 = np.column_stack([np.ones(100), x])
X1 = np.column_stack([np.ones(100), x, x**2, x**3] + [np.maximum(0, x - kk) ** 3 for kk in k])
rss0 = np.sum((y - X0 @ np.linalg.lstsq(X0, y, rcond=None)[0]) ** 2)
rss1 = np.sum((y - X1 @ np.linalg.lstsq(X1, y, rcond=None)[0]) ** 2)
df1, df2 = X1.shape[1] - X0.shape[1], 100 - X1.shape[1]
F = ((rss0 - rss1) / df1) / (rss1 / df2)
print(f"spline: F={F!r} df1={df1} df2={df2} p={stats.f.sf(F, df1, df2)!r} gain={(rss0 - rss1) / rss0!r}")

# Breusch-Pagan (Koenker): y_i = x_i + (3 + x_i) sin(3 i), regress e^2 on x, LM = n R^2.
y = x + (3 + x) * np.sin(3 * i)
e = y - X0 @ np.linalg.lstsq(X0, y, rcond=None)[0]
e2 = e**2
fit = X0 @ np.linalg.lstsq(X0, e2, rcond=None)[0]
r2 = 1 - np.sum((e2 - fit) ** 2) / np.sum((e2 - e2.mean()) ** 2)
print(f"BP: LM={100 * r2!r} p={stats.chi2.sf(100 * r2, 1)!r}")

# One-way ANOVA: v_i = sin(i) + 0.5 * (i % 3), groups i % 3, i = 0..59.
i = np.arange(60)
v = np.sin(i) + 0.5 * (i % 3)
res = stats.f_oneway(*[v[i % 3 == g] for g in range(3)])
print(f"ANOVA: F={res.statistic!r} p={res.pvalue!r}")

# Chi-square of homogeneity: codes (i * 7) % 4 // 2 + (i % 3 == 0), groups i % 3.
c = (i * 7) % 4 // 2 + (i % 3 == 0)
tab = np.zeros((3, 3))
for a, b in zip(i % 3, c):
    tab[a, b] += 1
chi = stats.chi2_contingency(tab, correction=False)
print(f"chi2: stat={chi.statistic!r} df={chi.dof} p={chi.pvalue!r}")
