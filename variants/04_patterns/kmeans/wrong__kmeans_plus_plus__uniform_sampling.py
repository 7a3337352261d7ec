"""Plain random initialisation: k distinct rows drawn uniformly, no D² weighting,
so two centroids often land in the same blob."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("""
        chosen = [int(rng.integers(n_samples))]
        # squared distance of every point to its nearest chosen centroid
        closest_sq = ((X - X[chosen[0]]) ** 2).sum(axis=1)
        for _ in range(1, k):
            total = closest_sq.sum()
            if total > 0:
                next_index = int(rng.choice(n_samples, p=closest_sq / total))
            else:  # every point sits on a centroid: fewer distinct rows than k
                next_index = int(rng.integers(n_samples))
            chosen.append(next_index)
            closest_sq = np.minimum(closest_sq, ((X - X[next_index]) ** 2).sum(axis=1))
    """, "chosen = rng.choice(n_samples, size=k, replace=False)"),
]}
