"""Gradients never zeroed: every step uses the sum of all past gradients."""
# (lines of the reference's train, what this learner wrote instead)
EDITS = {"train": [
    ("optimizer.zero_grad()", ""),
]}
