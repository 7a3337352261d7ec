"""Reuses the notebook's splits (those of seed 0) instead of make_imbalanced_splits(random_state=random_state)."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits(random_state=random_state)",
     "X_tr, y_tr, X_va, y_va, X_te, y_te = X_train, y_train, X_val, y_val, X_test, y_test"),
]}
