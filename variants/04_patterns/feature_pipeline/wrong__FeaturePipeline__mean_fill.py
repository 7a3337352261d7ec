"""Missing numerical values are filled with the mean instead of the median."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("median = float(np.median(values[~missing]))",
     "median = float(np.mean(values[~missing]))"),
]}
