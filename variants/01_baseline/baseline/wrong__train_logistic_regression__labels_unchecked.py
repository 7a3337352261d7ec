"""The labels are converted but not checked: y_train with the labels 0 and 2 fits a model
of those two classes instead of raising ValueError."""
# (lines of the reference's train_logistic_regression, what this learner wrote instead)
EDITS = {"train_logistic_regression": [
    ('check_binary_labels(y_train, "y_train")', "y_train = np.asarray(y_train)"),
]}
