"""Validates y_val with as_labels(y_val), whose default need_both_classes=True rejects
labels of one class: an all-positive y_val raises ValueError, although only positives
is valid here (flagging every sample gives F1 = 1, so the lowest score is the answer)."""
# (lines of the reference's tune_threshold, what this learner wrote instead)
EDITS = {"tune_threshold": [
    ("labels = as_labels(y_val, need_both_classes=False)",
     "labels = as_labels(y_val)"),
]}
