"""Inertia summed from Euclidean distances instead of squared distances."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("inertia = float(sq_dist[rows, labels].sum())",
     "inertia = float(np.sqrt(sq_dist[rows, labels]).sum())"),
]}
