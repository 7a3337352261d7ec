"""lambda drawn from U[-1, 1] ("jitter in both directions"): half of the new rows land on the
far side of the minority row, off the segment towards its neighbour."""
# (lines of the reference's smote, what this learner wrote instead)
EDITS = {"smote": [
    ("lam = rng.random((n_new, 1))",
     "lam = rng.uniform(-1.0, 1.0, size=(n_new, 1))"),
]}
