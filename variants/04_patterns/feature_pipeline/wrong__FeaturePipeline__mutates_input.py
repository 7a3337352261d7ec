"""Missing values are filled in place in the caller's frame (df[col] =
df[col].fillna(...)), as in many tutorials: the input frame is modified."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("filled = np.where(missing, median, values)", """
        df[col] = df[col].fillna(median)
        filled = df[col].to_numpy(dtype=float)
    """),
    ("""
        values = df[col].to_numpy(dtype=float, na_value=np.nan)
        filled = np.where(np.isnan(values), self.medians_[col], values)
    """, """
        df[col] = df[col].fillna(self.medians_[col])
        filled = df[col].to_numpy(dtype=float)
    """),
]}
