"""Inertia summed from Euclidean distances instead of squared distances."""


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)
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
    dist = np.sqrt(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
    labels = dist.argmin(axis=1)
    return centroids, labels, float(dist[np.arange(len(X)), labels].sum())
