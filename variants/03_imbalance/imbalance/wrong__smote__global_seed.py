"""Seeds NumPy's global generator with np.random.seed(random_state) and draws from it: the
rows are reproducible, but every call resets the notebook's global random stream."""
EDITS = {"smote": [
    ("""
        rng = np.random.default_rng(random_state)
        base = rng.integers(0, X.shape[0], size=n_new)
        partner = neighbours[base, rng.integers(0, k, size=n_new)]
        lam = rng.random((n_new, 1))
    """, """
        np.random.seed(random_state)
        base = np.random.randint(0, X.shape[0], size=n_new)
        partner = neighbours[base, np.random.randint(0, k, size=n_new)]
        lam = np.random.rand(n_new, 1)
    """),
]}
