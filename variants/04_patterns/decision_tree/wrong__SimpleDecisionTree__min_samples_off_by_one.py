"""A node with exactly min_samples rows is made a leaf (<= instead of <)."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ("if depth >= self.max_depth or len(rows) < self.min_samples or counts.max() == len(rows):",
     "if depth >= self.max_depth or len(rows) <= self.min_samples or counts.max() == len(rows):"),
]}
