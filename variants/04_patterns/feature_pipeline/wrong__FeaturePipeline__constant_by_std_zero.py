"""A constant column is told by `std == 0`, the rule as first stated: a column
of three 0.1s has a standard deviation of about 1e-17 after rounding, not 0,
so it is divided by that and its rounding noise becomes -1s instead of 0."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
    # a constant column by its values: rounding can leave its std at 1e-17, not 0
    self.stds_[col] = std if np.ptp(filled) > 0 else 1.0
    """, "self.stds_[col] = std if std > 0 else 1.0"),
]}
