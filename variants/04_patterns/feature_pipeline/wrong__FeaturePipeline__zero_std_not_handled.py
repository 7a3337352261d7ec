"""A constant column is divided by its zero standard deviation (a 1e-8 guard
as in many snippets), giving huge values or nan instead of treating std 0 as 1."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("self.stds_[col] = std if np.ptp(filled) > 0 else 1.0",
     "self.stds_[col] = std + 1e-8"),
]}
