"""transform returns a labelled DataFrame (the feature names as its columns)
instead of the float64 array the docstring asks for."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("return np.hstack(blocks)",
     "return pd.DataFrame(np.hstack(blocks), columns=self.get_feature_names(), index=df.index)"),
]}
