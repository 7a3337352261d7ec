"""The depth limit is never checked: the tree grows until its leaves are pure."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ("if depth >= self.max_depth or len(rows) < self.min_samples or counts.max() == len(rows):",
     "if len(rows) < self.min_samples or counts.max() == len(rows):"),
]}
