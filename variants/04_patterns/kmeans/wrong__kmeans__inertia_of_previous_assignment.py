"""Labels are recomputed after the loop, but the inertia is the one computed
inside the loop, against the centroids before the last update."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("inertia = float(sq_dist[rows, labels].sum())",
     ""),
    ("""
        labels = sq_dist.argmin(axis=1)
        membership = labels[:, None] == np.arange(k)[None, :]   # (n, k) one-hot
    """, """
        labels = sq_dist.argmin(axis=1)
        inertia = float(sq_dist[rows, labels].sum())
        membership = labels[:, None] == np.arange(k)[None, :]   # (n, k) one-hot
    """),
]}
