"""Predicts positive when proba > threshold: a probability of exactly 0.5 counts as negative."""
# (lines of the reference's evaluate, what this learner wrote instead)
EDITS = {"evaluate": [
    ("predicted = proba >= threshold",
     "predicted = proba > threshold"),
]}
