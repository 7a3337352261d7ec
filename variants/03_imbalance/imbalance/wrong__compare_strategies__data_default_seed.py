"""The data come from make_imbalanced_splits() with its default seed 0, whatever random_state says."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits(random_state=random_state)",
     "X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits()"),
]}
