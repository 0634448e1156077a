"""PACF of svar.csv's columns x1 and x3 at lags 1-3, for LagSelectionTest: each phi_kk from the
Yule-Walker equations solved directly (numpy.linalg.solve on the k x k Toeplitz system of sample
autocorrelations, autocovariances over n), independent of the Durbin-Levinson recursion."""
import numpy as np

data = np.genfromtxt("svar.csv", delimiter=",", names=True)
for col in ("x1", "x3"):
    x = data[col] - data[col].mean()
    n = len(x)
    r = np.array([np.dot(x[k:], x[:n - k]) / n for k in range(4)])
    r = r / r[0]
    out = []
    for k in range(1, 4):
        R = np.array([[r[abs(i - j)] for j in range(k)] for i in range(k)])
        out.append(np.linalg.solve(R, r[1:k + 1])[-1])
    print(col, " ".join(f"{v:.10f}" for v in out))
