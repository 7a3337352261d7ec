"""Draws the labels with rng.binomial(1, positive_rate, n_samples): the right
distribution, but not the prescribed draw (rng.random(n_samples) < positive_rate),
so the accuracies differ from the notebook's (0.9890 instead of 0.9911 at 1%)."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("y_true = (rng.random(n_samples) < positive_rate).astype(int)",
     "y_true = rng.binomial(1, positive_rate, n_samples)"),
]}
