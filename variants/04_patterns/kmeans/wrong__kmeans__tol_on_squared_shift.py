"""The stopping test compares the SQUARED centroid shift with tol: the docstring's tol
is a Euclidean distance, so with tol < 1 the loop stops while centroids still move by
up to sqrt(tol) (0.01 for the default 1e-4 instead of 1e-4)."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("shift = np.sqrt(((new_centroids - centroids) ** 2).sum(axis=1)).max()",
     "shift = ((new_centroids - centroids) ** 2).sum(axis=1).max()"),
]}
