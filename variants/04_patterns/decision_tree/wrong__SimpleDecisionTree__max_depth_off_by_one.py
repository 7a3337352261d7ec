"""A node becomes a leaf only when depth > max_depth, so the tree is one level
too deep (max_depth=0 still splits the root)."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ("if depth >= self.max_depth or len(rows) < self.min_samples or counts.max() == len(rows):",
     "if depth > self.max_depth or len(rows) < self.min_samples or counts.max() == len(rows):"),
]}
