"""Computes the accuracy with integer division, (tn + tp) // n_samples, then
float(): every accuracy below 1 comes back as 0.0."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ('return {"accuracy": (tn + tp) / int(n_samples), "precision": precision,',
     'return {"accuracy": float((tn + tp) // n_samples), "precision": precision,'),
]}
