"""Perturbs a copy of the parameter array, so the model never sees the change and every gradient is 0."""
# (lines of the reference's numerical_gradient, what this learner wrote instead)
EDITS = {"numerical_gradient": [
    ("values = getattr(model, param)           # perturbed in place, so model.loss sees it",
     "values = getattr(model, param).copy()"),
]}
