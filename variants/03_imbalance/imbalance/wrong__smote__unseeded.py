"""Draws from NumPy's global random generator and ignores random_state: two calls with the
same seed give different rows."""
# (lines of the reference's smote, what this learner wrote instead)
EDITS = {"smote": [
    ("""
        rng = np.random.default_rng(random_state)
        base = rng.integers(0, X.shape[0], size=n_new)
        partner = neighbours[base, rng.integers(0, k, size=n_new)]
        lam = rng.random((n_new, 1))
    """, """
        base = np.random.randint(0, X.shape[0], size=n_new)
        partner = neighbours[base, np.random.randint(0, k, size=n_new)]
        lam = np.random.rand(n_new, 1)
    """),
]}
