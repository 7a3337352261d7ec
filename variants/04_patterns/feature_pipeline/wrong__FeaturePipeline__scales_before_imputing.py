"""Mean and std are computed on the raw column, skipping the missing values
(np.nanmean, np.nanstd), before they are filled, instead of on the filled
column."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("std = float(filled.std())                                 # ddof=0",
     "std = float(np.nanstd(values))"),
    ("self.means_[col] = float(filled.mean())",
     "self.means_[col] = float(np.nanmean(values))"),
]}
