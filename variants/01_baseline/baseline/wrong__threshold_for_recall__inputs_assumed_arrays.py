"""The labels and probabilities are taken to be NumPy arrays: the labels are checked
but check_binary_labels' returned array is dropped, and proba is not converted:
`y_true == 1` on a Python list is a single False, so lists, which the function
accepts, fail."""
# (lines of the reference's threshold_for_recall, what this learner wrote instead)
EDITS = {"threshold_for_recall": [
    ("""
    y_true = check_binary_labels(y_true, "y_true", both_classes=False)
    proba = np.asarray(proba, dtype=float)
    """, """
    check_binary_labels(y_true, "y_true", both_classes=False)
    """),
]}
