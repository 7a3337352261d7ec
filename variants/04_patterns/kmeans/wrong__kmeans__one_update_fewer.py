"""Off-by-one in the iteration count: the loop runs range(1, max_iters), so
max_iters=1 makes no centroid update at all (the k-means++ start is returned)
and every other max_iters makes one update fewer than asked for."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("for _ in range(max_iters):", "for _ in range(1, max_iters):"),
]}
