"""The first category of each column is dropped (get_dummies(drop_first=True)
habit from linear models), so the output has one column less per
categorical feature than specified."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("self.categories_[col] = categories",
     "self.categories_[col] = categories[1:]"),
]}
