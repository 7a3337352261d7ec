"""The mode is value_counts().index[0]: on a tie it is whichever value pandas
lists first (order of appearance), not the lowest in sorted order."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("self.modes_[col] = categories[np.argmax(counts)]              # lowest value on ties",
     "self.modes_[col] = pd.Series(present).value_counts().index[0]"),
]}
