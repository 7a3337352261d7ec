"""The standard deviation uses ddof=1 (sample std, pandas' default) instead
of ddof=0 as StandardScaler."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("std = float(filled.std())                                 # ddof=0",
     "std = float(filled.std(ddof=1))"),
]}
