"""Returns the labels of the last assignment step inside the loop; the centroids
were updated after it, so the labels belong to the previous centroids."""


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)
    labels = np.zeros(len(X), dtype=int)
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
    inertia = float(((X - centroids[labels]) ** 2).sum())
    return centroids, labels, inertia
