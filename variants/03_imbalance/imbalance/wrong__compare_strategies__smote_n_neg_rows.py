"""SMOTE row adds n_neg synthetic positives instead of n_neg - n_pos (the training
set is over-balanced)."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("""
    n_new = int((y_tr == 0).sum() - (y_tr == 1).sum())
    """, """
    n_new = int((y_tr == 0).sum())
    """),
]}
