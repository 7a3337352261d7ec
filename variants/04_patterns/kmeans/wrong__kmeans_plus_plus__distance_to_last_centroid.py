"""D² is measured to the most recently chosen centroid only, not to the nearest of
all centroids chosen so far, so points next to an earlier centroid stay likely."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("closest_sq = np.minimum(closest_sq, ((X - X[next_index]) ** 2).sum(axis=1))", """
        closest_sq = ((X - X[next_index]) ** 2).sum(axis=1)
        closest_sq[chosen] = 0.0
    """),
]}
