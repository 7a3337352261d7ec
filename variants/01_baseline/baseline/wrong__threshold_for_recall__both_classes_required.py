"""Calls check_binary_labels with its default both_classes=True: labels that are
all positive, which the docstring allows, raise ValueError."""
# (lines of the reference's threshold_for_recall, what this learner wrote instead)
EDITS = {"threshold_for_recall": [
    ('y_true = check_binary_labels(y_true, "y_true", both_classes=False)',
     'y_true = check_binary_labels(y_true, "y_true")'),
]}
