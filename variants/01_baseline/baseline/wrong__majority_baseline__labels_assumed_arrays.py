"""The labels are checked but taken to be NumPy arrays afterwards (`y_test.shape`):
check_binary_labels' returned arrays are dropped, so the function is right on arrays
and raises AttributeError when the labels come as Python lists, which it accepts."""
# (lines of the reference's majority_baseline, what this learner wrote instead)
EDITS = {"majority_baseline": [
    ("""
    y_train = check_binary_labels(y_train, "y_train", both_classes=False)
    y_test = check_binary_labels(y_test, "y_test", both_classes=False)
    """, """
    check_binary_labels(y_train, "y_train", both_classes=False)
    check_binary_labels(y_test, "y_test", both_classes=False)
    """),
    ("y_pred = np.full(len(y_test), majority)", "y_pred = np.full(y_test.shape, majority)"),
]}
