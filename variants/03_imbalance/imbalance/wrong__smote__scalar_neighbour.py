"""Draws the neighbour's rank once (a scalar) instead of once per new row: every synthetic row
uses the same j-th nearest neighbour of its base row."""
EDITS = {"smote": [
    ("partner = neighbours[base, rng.integers(0, k, size=n_new)]",
     "partner = neighbours[base, rng.integers(0, k)]"),
]}
