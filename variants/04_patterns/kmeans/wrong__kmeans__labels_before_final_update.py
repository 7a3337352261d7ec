"""Returns the labels of the last assignment step inside the loop; the centroids
were updated after it, so the labels belong to the previous centroids."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("""
        # the last update moved the centroids: assign once more so labels match them
        sq_dist = _squared_distances(X, centroids)
        labels = sq_dist.argmin(axis=1)
        inertia = float(sq_dist[rows, labels].sum())
    """, "inertia = float(((X - centroids[labels]) ** 2).sum())"),
]}
