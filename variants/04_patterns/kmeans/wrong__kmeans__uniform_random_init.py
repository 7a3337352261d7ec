"""Starts Lloyd's algorithm from k rows drawn uniformly instead of calling
kmeans_plus_plus: seeded and otherwise correct, but often stuck with two centroids
in one blob."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("centroids = kmeans_plus_plus(X, k, random_state)  # validates X and k", """
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError("X must be a non-empty 2-D array")
        if not 1 <= k <= X.shape[0]:
            raise ValueError("k must be between 1 and n_samples")
        rng = np.random.default_rng(random_state)
        centroids = X[rng.choice(len(X), size=k, replace=False)].copy()
    """),
]}
