"""Labels are recomputed after the loop, but the inertia is the one computed
inside the loop, against the centroids before the last update."""


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)
    inertia = 0.0
    for _ in range(max_iters):
        sq = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = sq.argmin(axis=1)
        inertia = float(sq.min(axis=1).sum())
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
    return centroids, labels, inertia
