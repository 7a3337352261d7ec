"""An empty cluster keeps its previous centroid instead of being re-seeded: no NaN,
but a centroid that lost all its points is nearest to none of them at the next
assignment either, so it stays empty for good and k-means runs with fewer clusters."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("""
        empty = np.flatnonzero(~filled)
        if empty.size:
            # re-seed at the rows farthest from their own (assigned) centroid
            farthest = np.argsort(-sq_dist[rows, labels], kind="stable")[:empty.size]
            new_centroids[empty] = X[farthest]
    """, ""),
]}
