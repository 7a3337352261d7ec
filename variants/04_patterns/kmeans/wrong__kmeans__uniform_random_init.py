"""Starts Lloyd's algorithm from k rows drawn uniformly instead of calling
kmeans_plus_plus: seeded and otherwise correct, but often stuck with two centroids
in one blob."""


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if not 1 <= k <= X.shape[0]:
        raise ValueError("k must be between 1 and n_samples")
    rng = np.random.default_rng(random_state)
    centroids = X[rng.choice(len(X), size=k, replace=False)].copy()
    for _ in range(max_iters):
        sq = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = sq.argmin(axis=1)
        new_centroids = centroids.copy()
        for j in range(k):
            if np.any(labels == j):
                new_centroids[j] = X[labels == j].mean(axis=0)
            else:
                new_centroids[j] = X[sq.min(axis=1).argmax()]
        shift = np.sqrt(((new_centroids - centroids) ** 2).sum(axis=1)).max()
        centroids = new_centroids
        if shift <= tol:
            break
    sq = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = sq.argmin(axis=1)
    return centroids, labels, float(sq[np.arange(len(X)), labels].sum())
