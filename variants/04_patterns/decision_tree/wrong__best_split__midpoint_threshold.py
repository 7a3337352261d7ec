"""Thresholds are midpoints between consecutive distinct values (as scikit-learn
does) instead of values present in the column."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("best_feature, best_threshold, best_gain = feature, float(values[position]), float(top)", """
        # the midpoint between the last value on the left and the first on the right
        threshold = (values[position] + values[position + 1]) / 2
        best_feature, best_threshold, best_gain = feature, float(threshold), float(top)
    """),
]}
