"""fit stores the statistics but forgets `return self`, so
FeaturePipeline(...).fit(df).transform(df) (and fit_transform) fail on None."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("return self", ""),
]}
