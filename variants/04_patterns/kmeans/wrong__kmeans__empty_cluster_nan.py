"""Every centroid becomes the mean of its points, even when a cluster is empty:
the mean of no points is NaN, and the NaN centroid poisons later iterations."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("""
        new_centroids = centroids.copy()
        filled = counts > 0
        new_centroids[filled] = (membership.T @ X)[filled] / counts[filled, None]
        empty = np.flatnonzero(~filled)
        if empty.size:
            # re-seed at the rows farthest from their own (assigned) centroid
            farthest = np.argsort(-sq_dist[rows, labels], kind="stable")[:empty.size]
            new_centroids[empty] = X[farthest]
    """, "new_centroids = (membership.T @ X) / counts[:, None]"),
]}
