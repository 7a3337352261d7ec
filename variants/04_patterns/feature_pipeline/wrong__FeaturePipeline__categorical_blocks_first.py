"""transform builds the one-hot blocks first and the numerical columns after
them: the right columns in the wrong order (the feature names still list
the numerical columns first)."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
        blocks = []
        for col in self.numerical_cols:
            values = df[col].to_numpy(dtype=float, na_value=np.nan)
            filled = np.where(np.isnan(values), self.medians_[col], values)
            blocks.append(((filled - self.means_[col]) / self.stds_[col])[:, None])
        for col in self.categorical_cols:
    """, """
        blocks = []
        for col in self.categorical_cols:
    """),
    ("""
        if not blocks:
            return np.empty((len(df), 0))
    """, """
        for col in self.numerical_cols:
            values = df[col].to_numpy(dtype=float, na_value=np.nan)
            filled = np.where(np.isnan(values), self.medians_[col], values)
            blocks.append(((filled - self.means_[col]) / self.stds_[col])[:, None])
        if not blocks:
            return np.empty((len(df), 0))
    """),
]}
