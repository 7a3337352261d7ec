"""k is checked by value, not by type: int(k) == k lets k=2.0 (and k=True)
through, and k is silently converted with int(k) instead of raising ValueError."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n_samples:",
     "if int(k) != k or not 1 <= k <= n_samples:"),
    ("rng = np.random.default_rng(random_state)", """
    k = int(k)
    rng = np.random.default_rng(random_state)
    """),
]}
