"""Every centroid becomes the mean of its points, even when a cluster is empty:
the mean of no points is NaN, and the NaN centroid poisons later iterations."""


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)
    for _ in range(max_iters):
        sq = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = sq.argmin(axis=1)
        new_centroids = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        shift = np.sqrt(((new_centroids - centroids) ** 2).sum(axis=1)).max()
        centroids = new_centroids
        if shift <= tol:
            break
    sq = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = sq.argmin(axis=1)
    return centroids, labels, float(sq[np.arange(len(X)), labels].sum())
