"""The integer check forgets that bool is a subclass of int: k=True is
accepted and gives one centroid instead of a ValueError."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n_samples:",
     "if not isinstance(k, (int, np.integer)) or not 1 <= k <= n_samples:"),
]}
