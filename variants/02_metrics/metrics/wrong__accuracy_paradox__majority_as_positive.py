"""Draws the labels with the majority class as 1 (label = random >= rate), so the
'always-negative' classifier predicts the rare class: accuracy about 0.01."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("y_true = (rng.random(n_samples) < positive_rate).astype(int)",
     "y_true = (rng.random(n_samples) >= positive_rate).astype(int)"),
]}
