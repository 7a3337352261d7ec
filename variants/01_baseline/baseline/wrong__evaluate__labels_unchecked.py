"""The labels are taken as they come (np.asarray, no check_binary_labels): a y_test of
one class gives a NaN ROC-AUC with only a warning, and labels 0 and 2 a score."""
# (lines of the reference's evaluate, what this learner wrote instead)
EDITS = {"evaluate": [
    ('y_test = check_binary_labels(y_test, "y_test")', "y_test = np.asarray(y_test)"),
]}
