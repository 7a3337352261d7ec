"""No fallback when every D² is 0 (fewer distinct rows than k): the probabilities
become 0/0 = NaN and rng.choice fails."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("""
        if total > 0:
            next_index = int(rng.choice(n_samples, p=closest_sq / total))
        else:  # every point sits on a centroid: fewer distinct rows than k
            next_index = int(rng.integers(n_samples))
    """, "next_index = int(rng.choice(n_samples, p=closest_sq / total))"),
]}
