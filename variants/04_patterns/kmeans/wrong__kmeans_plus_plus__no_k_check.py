"""No check that 1 <= k <= n_samples: k larger than the number of points silently
returns repeated rows (and k = 0 still returns one centroid)."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("""
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= n_samples:
            raise ValueError(f"k must be an integer between 1 and n_samples={n_samples}; got {k!r}")
    """, ""),
]}
