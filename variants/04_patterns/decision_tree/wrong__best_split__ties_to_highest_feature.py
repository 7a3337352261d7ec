"""Features are scanned from the last to the first with a strict comparison, so
an exact tie between features goes to the highest feature index."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("for feature in range(n_features):",
     "for feature in reversed(range(n_features)):"),
]}
