"""Greedy farthest-point initialisation: after a random first centroid, always take
the point with the largest D² instead of sampling with probability proportional to it."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("next_index = int(rng.choice(n_samples, p=closest_sq / total))",
     "next_index = int(np.argmax(closest_sq))"),
]}
