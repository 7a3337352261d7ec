"""alpha applied to the negatives and 1 - alpha to the positives."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("alpha_t = self.alpha * targets + (1.0 - self.alpha) * (1.0 - targets)",
     "alpha_t = (1.0 - self.alpha) * targets + self.alpha * (1.0 - targets)"),
]}
