"""Plain random initialisation: k distinct rows drawn uniformly, no D² weighting,
so two centroids often land in the same blob."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if not 1 <= k <= X.shape[0]:
        raise ValueError("k must be between 1 and n_samples")
    rng = np.random.default_rng(random_state)
    return X[rng.choice(X.shape[0], size=k, replace=False)].copy()
