"""D sampling instead of D² sampling: the next centroid is drawn with probability
proportional to the distance (not its square) to the nearest chosen centroid."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("""
        # squared distance of every point to its nearest chosen centroid
        closest_sq = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    """, """
        # distance of every point to its nearest chosen centroid
        closest_sq = np.linalg.norm(X - X[chosen[0]], axis=1)
    """),
    ("closest_sq = np.minimum(closest_sq, ((X - X[next_index]) ** 2).sum(axis=1))",
     "closest_sq = np.minimum(closest_sq, np.linalg.norm(X - X[next_index], axis=1))"),
]}
