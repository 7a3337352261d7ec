"""Interpolates towards a random minority row instead of one of the k nearest neighbours."""
# (lines of the reference's smote, what this learner wrote instead)
EDITS = {"smote": [
    ("partner = neighbours[base, rng.integers(0, k, size=n_new)]",
     "partner = (base + rng.integers(1, X.shape[0], size=n_new)) % X.shape[0]     # any other row"),
]}
