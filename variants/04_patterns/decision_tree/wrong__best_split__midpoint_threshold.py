"""Thresholds are midpoints between consecutive distinct values (as scikit-learn
does) instead of values present in the column."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("return feature, float(values[near_best[0]]), float(gains[near_best[0]])", """
            # the midpoint between the last value on the left and the first on the right
            position = near_best[0]
            return feature, float((values[position] + values[position + 1]) / 2), float(gains[position])
    """),
]}
