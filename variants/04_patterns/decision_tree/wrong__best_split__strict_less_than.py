"""The split is read as X < threshold, so the threshold returned is the first
value of the right part: the value equal to the threshold went right while
the split was scored, and goes left in X <= threshold."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("best_feature, best_threshold, best_gain = feature, float(values[position]), float(top)", """
        # rows with X < threshold went left: the threshold is the next value up
        best_feature, best_threshold, best_gain = feature, float(values[position + 1]), float(top)
    """),
]}
