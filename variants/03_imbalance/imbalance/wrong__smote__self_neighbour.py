"""Takes the k smallest distances without excluding the row itself: the row is its own first
neighbour, so some new rows are plain copies (and the k-th neighbour is never used)."""
# (lines of the reference's smote, what this learner wrote instead)
EDITS = {"smote": [
    ("np.fill_diagonal(squared_distances, np.inf)          # a row is not its own neighbour",
     ""),
]}
