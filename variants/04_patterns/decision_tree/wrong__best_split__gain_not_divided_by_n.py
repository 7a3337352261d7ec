"""The gain subtracts the children's Gini weighted by their row counts, n_left * gini(left) +
n_right * gini(right), without dividing by n: any split whose children are not both pure comes
out with a negative gain, so such a node gets no split at all."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("gains = parent_gini - (n_left[:, 0] * gini_left + n_right[:, 0] * gini_right) / n_samples",
     "gains = parent_gini - (n_left[:, 0] * gini_left + n_right[:, 0] * gini_right)"),
]}
