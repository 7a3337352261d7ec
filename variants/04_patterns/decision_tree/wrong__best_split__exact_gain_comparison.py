"""Gains are compared exactly (the first split whose gain equals the highest),
with no 1e-12 tolerance: when two splits tie mathematically but rounding makes
a later feature or a higher threshold one ulp better, that later split wins
instead of the lowest."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("if best_gain <= _TIE_TOLERANCE:                      # no split with a positive gain",
     "if best_gain <= 0:"),
    ("near_best = np.flatnonzero(gains >= best_gain - _TIE_TOLERANCE)",
     "near_best = np.flatnonzero(gains == best_gain)"),
]}
