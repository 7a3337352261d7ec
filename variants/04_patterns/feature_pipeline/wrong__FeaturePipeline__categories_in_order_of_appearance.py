"""Categories are kept in order of first appearance (pd.unique) instead of
sorted order, so the one-hot columns come out in a data-dependent order."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("self.categories_[col] = categories",
     "self.categories_[col] = pd.unique(present)"),
]}
