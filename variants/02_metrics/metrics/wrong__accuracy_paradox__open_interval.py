"""Rejects positive_rate 0 and 1 (checks 0 < rate < 1), although the docstring allows [0, 1]."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("if not 0 <= positive_rate <= 1:  # also False for NaN", "if not 0 < positive_rate < 1:"),
]}
