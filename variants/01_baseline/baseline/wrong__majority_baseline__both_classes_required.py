"""Calls check_binary_labels with its default both_classes=True: a y_train of a
single class, which the docstring allows, raises ValueError."""
# (lines of the reference's majority_baseline, what this learner wrote instead)
EDITS = {"majority_baseline": [
    ('y_train = check_binary_labels(y_train, "y_train", both_classes=False)',
     'y_train = check_binary_labels(y_train, "y_train")'),
    ('y_test = check_binary_labels(y_test, "y_test", both_classes=False)',
     'y_test = check_binary_labels(y_test, "y_test")'),
]}
