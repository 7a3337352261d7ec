"""The children's impurities are averaged without weighting by their sizes,
which favours splitting off tiny pure groups."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("gains = parent_gini - (n_left[:, 0] * gini_left + n_right[:, 0] * gini_right) / n_samples",
     "gains = parent_gini - (gini_left + gini_right) / 2"),
]}
