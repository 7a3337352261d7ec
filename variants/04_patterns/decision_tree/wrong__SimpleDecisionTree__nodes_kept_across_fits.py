"""The nodes live in a list created in __init__ and fit appends to it; the
root is nodes[0]. A second fit on the same object appends a new tree after the
old one, but predict and depth still start from the first tree."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ("self.min_samples = min_samples",
     """
     self.min_samples = min_samples
     self.nodes_ = []
     """),
    ('node = {"prediction": int(np.argmax(counts))}  # argmax: first (lowest) class on ties',
     """
     node = {"prediction": int(np.argmax(counts))}
     self.nodes_.append(node)
     """),
    ("self.root_ = grow(np.arange(len(y)), 0)",
     """
     grow(np.arange(len(y)), 0)
     self.root_ = self.nodes_[0]
     """),
]}
