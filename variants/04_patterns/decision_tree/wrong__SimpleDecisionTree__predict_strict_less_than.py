"""fit splits with <= but predict routes with <, so a value equal to a
threshold goes the wrong way at prediction time."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ('goes_left = X[rows, node["feature"]] <= node["threshold"]',
     'goes_left = X[rows, node["feature"]] < node["threshold"]'),
]}
