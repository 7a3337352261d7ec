"""Loops over range(len(values)) as if every parameter were 1-D: for a
matrix such as W1 each step nudges a whole row at once, so an entry's
estimate is the sum of the gradients of its row."""
# (lines of the reference's numerical_gradient, what this learner wrote instead)
EDITS = {"numerical_gradient": [
    ("for index in np.ndindex(original.shape):",
     "for index in range(len(original)):"),
]}
