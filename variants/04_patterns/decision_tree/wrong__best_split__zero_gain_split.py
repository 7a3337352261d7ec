"""The best gain starts at -1 (as in many textbook versions), so a split is
returned even when no split gains anything (a pure node, XOR, ...) instead
of (None, None, 0.0)."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("best_gain = max((gains.max() for _, _, gains in candidates), default=0.0)",
     "best_gain = max((gains.max() for _, _, gains in candidates), default=-1.0)"),
    ("if best_gain <= _TIE_TOLERANCE:                      # no split with a positive gain",
     "if best_gain <= -1.0:"),
]}
