"""pos_weight row's weight computed from the validation labels instead of the
training labels."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("""
        "pos_weight": fit(X_tr, y_tr, make_weighted_loss(y_tr)),
    """, """
        "pos_weight": fit(X_tr, y_tr, make_weighted_loss(y_va)),
    """),
]}
