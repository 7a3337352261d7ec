"""Copies roc_points' guard: raises ValueError when y_true holds one class, although every
threshold has a cost then (the text says any labels are valid here)."""
# (lines of the reference's min_cost_threshold, what this learner wrote instead)
EDITS = {"min_cost_threshold": [
    ("n_pos = tps[-1]", """
        n_pos = tps[-1]
        if n_pos == 0 or fps[-1] == 0:
            raise ValueError("min_cost_threshold needs both classes in y_true")
    """),
]}
