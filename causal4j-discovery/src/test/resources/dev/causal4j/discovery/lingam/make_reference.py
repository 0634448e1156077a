"""Reference values for EntropyApproximationTest and NoiseGaussianityTest, computed with the
exact contrasts (numpy's log and cosh, not the table the Java code uses).

Run:  python3 make_reference.py   (numpy 2.x and scipy; the printed numbers are in the test)

The inputs are deterministic so Java builds the same vectors bit for bit:
  a_k = frac(k * phi), b_k = frac(k * sqrt(2)), k = 1..2000, phi = (1 + sqrt 5) / 2
  x = a (uniform-like), y = 0.8 * x + (b - 0.5) (x causes y), w = -log(1 - a) (skewed)
Each vector is standardised with divisor n before use, as in LiNGAM.
"""
import numpy as np
from scipy import stats

K1, K2, GAMMA = 79.047, 7.4129, 0.37457


def std(v):
    v = v - v.mean()
    return v / np.sqrt(np.mean(v * v))


def entropy(u):
    # Hyvarinen (1998) maximum-entropy approximation, as in lingam's DirectLiNGAM._entropy
    return ((1 + np.log(2 * np.pi)) / 2
            - K1 * (np.mean(np.log(np.cosh(u))) - GAMMA) ** 2
            - K2 * (np.mean(u * np.exp(-u * u / 2))) ** 2)


def likelihood_ratio(xi, xj):
    # H(xj) + H(ri/sd) - H(xi) - H(rj/sd), least-squares residuals of standardised columns
    rho = np.mean(xi * xj)
    ri = xi - rho * xj
    rj = xj - rho * xi
    return (entropy(xj) + entropy(ri / np.sqrt(np.mean(ri * ri)))
            - entropy(xi) - entropy(rj / np.sqrt(np.mean(rj * rj))))


k = np.arange(1, 2001, dtype=np.float64)
phi = (1 + np.sqrt(5.0)) / 2
a = k * phi - np.floor(k * phi)
b = k * np.sqrt(2.0) - np.floor(k * np.sqrt(2.0))
x = std(a)
y = std(0.8 * a + (b - 0.5))
w = std(-np.log1p(-a))

print("H(x) = %.15g" % entropy(x))
print("H(y) = %.15g" % entropy(y))
print("H(w) = %.15g" % entropy(w))
print("R(x, y) = %.15g" % likelihood_ratio(x, y))
print("R(w, y) = %.15g" % likelihood_ratio(w, y))

v = np.array([1.0, 2.0, 3.0, 4.0, 10.0, -2.5, 0.25])
print("skewness = %.15g" % stats.skew(v, bias=True))
print("kurtosis = %.15g" % stats.kurtosis(v, fisher=False, bias=True))
s, kk = stats.skew(v, bias=True), stats.kurtosis(v, fisher=False, bias=True)
jb = len(v) / 6 * (s * s + (kk - 3) ** 2 / 4)
print("jarque-bera p (n = 7) = %.15g" % stats.chi2.sf(jb, 2))
