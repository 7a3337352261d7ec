"""Categories are converted to strings (astype(str) after dropping missing
values, to avoid sorting mixed types), so integer categories are sorted as
text: 10 comes before 9 and the one-hot columns are out of numeric order."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("present = values[~pd.isna(values)]",
     "present = values[~pd.isna(values)].astype(str)"),
    ("filled = np.where(pd.isna(values), self.modes_[col], values)",
     "filled = np.where(pd.isna(values), self.modes_[col], values.astype(str))"),
]}
