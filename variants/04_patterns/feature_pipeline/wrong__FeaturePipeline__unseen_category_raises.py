"""One-hot positions are looked up with list.index, so a category not seen in
training raises ValueError instead of becoming all zeros."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
        # compare with the training categories: an unseen value matches none of them
        blocks.append((filled[:, None] == self.categories_[col][None, :]).astype(float))
    """, """
        categories = list(self.categories_[col])
        block = np.zeros((len(df), len(categories)))
        for i, value in enumerate(filled):
            block[i, categories.index(value)] = 1.0
        blocks.append(block)
    """),
]}
