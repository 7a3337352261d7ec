"""Draws lambda once (a scalar) instead of once per new row: every synthetic row sits at the
same relative position on its segment."""
EDITS = {"smote": [
    ("lam = rng.random((n_new, 1))",
     "lam = rng.random()"),
]}
