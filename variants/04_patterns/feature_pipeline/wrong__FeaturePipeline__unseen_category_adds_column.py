"""transform one-hot encodes with pd.get_dummies on the new frame, so an unseen
category adds a column (and shifts the ones after it)."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
        # compare with the training categories: an unseen value matches none of them
        blocks.append((filled[:, None] == self.categories_[col][None, :]).astype(float))
    """, """
        dummies = pd.get_dummies(pd.Series(filled).astype(str), dtype=float)
        known = [str(v) for v in self.categories_[col]]
        columns = known + sorted(set(dummies.columns) - set(known))
        blocks.append(dummies.reindex(columns=columns, fill_value=0.0).to_numpy(dtype=float))
    """),
]}
