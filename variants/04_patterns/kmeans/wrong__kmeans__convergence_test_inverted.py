"""The stopping test is inverted (break while the centroids still move), so the
loop stops after the first update, far from a fixed point."""
# (lines of the reference's kmeans, what this learner wrote instead)
EDITS = {"kmeans": [
    ("if shift <= tol:",
     "if shift > tol:"),
]}
