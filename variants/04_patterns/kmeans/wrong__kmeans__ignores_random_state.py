"""kmeans calls kmeans_plus_plus(X, k) without passing random_state, so every
seed starts from the same centroids: random_state has no effect on kmeans."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("centroids = kmeans_plus_plus(X, k, random_state)  # validates X and k",
     "centroids = kmeans_plus_plus(X, k)"),
]}
