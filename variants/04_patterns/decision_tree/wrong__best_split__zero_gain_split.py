"""The best gain starts at -1 (as in many textbook versions), so a split is
returned even when no split gains anything (a pure node, XOR, ...) instead
of (None, None, 0.0)."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("best_feature, best_threshold, best_gain = None, None, 0.0",
     "best_feature, best_threshold, best_gain = None, None, -1.0"),
    ("if top > _TIE_TOLERANCE and (best_feature is None or top > best_gain + _TIE_TOLERANCE):",
     "if top > best_gain + _TIE_TOLERANCE:"),
]}
