"""Sharp bounds on PNS, PN and PS by linear programming, as an oracle for TianPearlBoundsTest.

The population is described by 8 probabilities q[x, yx, yx'] of (observed treatment X, potential
outcome Y_x, potential outcome Y_x'); the observed outcome is Y = Y_x when X = x, Y_x' otherwise
(consistency). Data fix linear functions of q:
  observational: P(X, Y) (4 equalities)
  experimental:  P(Y_x = 1) = a, P(Y_x' = 1) = b
  monotonicity:  q[., 0, 1] = 0 (no unit with Y_x = 0 and Y_x' = 1)
PNS = P(Y_x = 1, Y_x' = 0) is linear in q. PN = P(Y_x' = 0 | X = x, Y = 1) and
PS = P(Y_x = 1 | X = x', Y = 0) are linear once P(x, y) and P(x', y') are fixed (observational
data given); with observational data not given they are linear-fractional, handled by the
Charnes-Cooper substitution. Under exogeneity (X independent of (Y_x, Y_x')) PN = P(1,0)/P(Y_x=1)
over the 4 response-type masses with the experimental margins.

Run: python3 make_reference.py   (numpy + scipy). Prints the cases pasted into the test.
"""
import itertools
import numpy as np
from scipy.optimize import linprog

CELLS = list(itertools.product([1, 0], [1, 0], [1, 0]))  # (x, yx, yx'), x=1 means treated


def idx(pred):
    return np.array([1.0 if pred(*c) else 0.0 for c in CELLS])


def lp(objective, a_eq, b_eq, sense):
    c = objective if sense == "min" else -objective
    r = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * len(objective), method="highs")
    assert r.status == 0, r.message
    return r.fun if sense == "min" else -r.fun


def constraints(obs=None, exp=None, monotone=False):
    rows, rhs = [idx(lambda x, yx, yxp: True)], [1.0]
    if obs is not None:
        pxy, pxny, pnxy, pnxny = obs
        rows += [idx(lambda x, yx, yxp: x == 1 and yx == 1), idx(lambda x, yx, yxp: x == 1 and yx == 0),
                 idx(lambda x, yx, yxp: x == 0 and yxp == 1)]
        rhs += [pxy, pxny, pnxy]
    if exp is not None:
        a, b = exp
        rows += [idx(lambda x, yx, yxp: yx == 1), idx(lambda x, yx, yxp: yxp == 1)]
        rhs += [a, b]
    if monotone:
        rows.append(idx(lambda x, yx, yxp: yx == 0 and yxp == 1))
        rhs.append(0.0)
    return np.array(rows), np.array(rhs)


PNS = idx(lambda x, yx, yxp: yx == 1 and yxp == 0)
PN_NUM = idx(lambda x, yx, yxp: x == 1 and yx == 1 and yxp == 0)
PN_DEN = idx(lambda x, yx, yxp: x == 1 and yx == 1)
PS_NUM = idx(lambda x, yx, yxp: x == 0 and yx == 1 and yxp == 0)
PS_DEN = idx(lambda x, yx, yxp: x == 0 and yxp == 0)


def fractional(num, den, a_eq, b_eq, sense):
    """min/max num·q / den·q by Charnes-Cooper: t = 1/den·q, z = t·q."""
    n = len(num)
    # variables z (n) and t (1): den·z = 1, A z - b t = 0
    a2 = np.hstack([a_eq, -b_eq.reshape(-1, 1)])
    a2 = np.vstack([a2, np.append(den, 0.0)])
    b2 = np.append(np.zeros(len(b_eq)), 1.0)
    obj = np.append(num, 0.0)
    return lp(obj, a2, b2, sense)


def bounds(obs=None, exp=None, monotone=False):
    a_eq, b_eq = constraints(obs, exp, monotone)
    out = {"pns": (lp(PNS, a_eq, b_eq, "min"), lp(PNS, a_eq, b_eq, "max"))}
    for name, num, den in (("pn", PN_NUM, PN_DEN), ("ps", PS_NUM, PS_DEN)):
        out[name] = (fractional(num, den, a_eq, b_eq, "min"), fractional(num, den, a_eq, b_eq, "max"))
    return out


def exogenous(a, b, monotone=False):
    """Response types (yx, yx') with masses m; X independent of them."""
    types = [(1, 1), (1, 0), (0, 1), (0, 0)]
    rows = [[1, 1, 1, 1], [1 if t[0] == 1 else 0 for t in types], [1 if t[1] == 1 else 0 for t in types]]
    rhs = [1, a, b]
    if monotone:
        rows.append([0, 0, 1, 0]); rhs.append(0)
    rows, rhs = np.array(rows, float), np.array(rhs, float)
    m10 = np.array([0, 1, 0, 0], float)
    lo, hi = lp(m10, rows, rhs, "min"), lp(m10, rows, rhs, "max")
    return {"pns": (lo, hi), "pn": (lo / a, hi / a), "ps": (lo / (1 - b), hi / (1 - b))}


def show(label, res):
    print(label)
    for k in ("pns", "pn", "ps"):
        lo, hi = res[k]
        print(f"    {k}: [{lo:.12f}, {hi:.12f}]")


def main():
    # Pearl, Glymour & Jewell (2016), Primer, Example 4.5.1 (drug x, death y):
    # experimental 16/1000 deaths under do(x), 14/1000 under do(x'); observational (1000 chose the
    # drug, 1000 did not) 2/1000 and 28/1000 deaths.
    obs = (2 / 2000, 998 / 2000, 28 / 2000, 972 / 2000)
    exp = (16 / 1000, 14 / 1000)
    show("drug combined", bounds(obs, exp))
    show("drug experimental, exogenous", exogenous(*exp))
    rng = np.random.default_rng(20000)
    for case in range(6):
        q = rng.dirichlet(np.ones(8) * 0.7)
        if case >= 4:  # monotone populations: no (yx, yx') = (0, 1)
            q = q * (1 - idx(lambda x, yx, yxp: yx == 0 and yxp == 1))
            q = q / q.sum()
        obs = (q @ idx(lambda x, yx, yxp: x == 1 and yx == 1), q @ idx(lambda x, yx, yxp: x == 1 and yx == 0),
               q @ idx(lambda x, yx, yxp: x == 0 and yxp == 1), q @ idx(lambda x, yx, yxp: x == 0 and yxp == 0))
        exp = (q @ idx(lambda x, yx, yxp: yx == 1), q @ idx(lambda x, yx, yxp: yxp == 1))
        print(f"case {case}: obs = {[float(v) for v in obs]}, exp = {[float(v) for v in exp]}")
        show("  combined", bounds(obs, exp))
        show("  observational", bounds(obs=obs))
        show("  experimental", bounds(exp=exp))
        if case >= 4:
            show("  combined monotone", bounds(obs, exp, monotone=True))
            show("  experimental monotone", bounds(exp=exp, monotone=True))
        show("  exogenous from experimental", exogenous(*exp))


if __name__ == "__main__":
    main()
