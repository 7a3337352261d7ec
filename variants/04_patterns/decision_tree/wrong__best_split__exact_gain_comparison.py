"""Gains are compared exactly (`gain > best_gain`, first argmax), with no 1e-12
tolerance: when two splits tie mathematically but rounding makes a later feature
or a higher threshold one ulp better, that later split wins instead of the lowest."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("if top > _TIE_TOLERANCE and (best_feature is None or top > best_gain + _TIE_TOLERANCE):",
     "if top > 0 and (best_feature is None or top > best_gain):"),
    ("position = int(np.flatnonzero(gains >= top - _TIE_TOLERANCE)[0])  # lowest threshold",
     "position = int(np.argmax(gains))"),
]}
