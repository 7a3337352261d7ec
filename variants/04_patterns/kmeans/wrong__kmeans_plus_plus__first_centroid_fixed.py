"""The first centroid is always the first row of X instead of a uniformly drawn row."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("chosen = [int(rng.integers(n_samples))]",
     "chosen = [0]"),
]}
