"""Validates with need_both_classes=False and raises only when there is no
positive: all-positive labels are scored."""
# (lines of the reference's evaluate, what this learner wrote instead)
EDITS = {"evaluate": [
    ("""
    labels = as_labels(y)
    """, """
    labels = as_labels(y, need_both_classes=False)
    if labels.sum() == 0:
        raise ValueError("no positive in y: recall is undefined")
    """),
]}
