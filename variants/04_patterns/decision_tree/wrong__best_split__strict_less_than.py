"""The split is read as X < threshold, so the threshold returned is the first
value of the right part: the value equal to the threshold went right while
the split was scored, and goes left in X <= threshold."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("return feature, float(values[near_best[0]]), float(gains[near_best[0]])", """
            # rows with X < threshold went left: the threshold is the next value up
            return feature, float(values[near_best[0] + 1]), float(gains[near_best[0]])
    """),
]}
