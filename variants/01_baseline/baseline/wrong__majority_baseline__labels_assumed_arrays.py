"""The labels are taken to be NumPy arrays (`y_test.shape`), with no
np.asarray: right on arrays, an AttributeError when they come as Python
lists, which the function accepts."""
# (lines of the reference's majority_baseline, what this learner wrote instead)
EDITS = {"majority_baseline": [
    ("""
    y_train = np.asarray(y_train)
    y_test = np.asarray(y_test)
    """, ""),
    ("y_pred = np.full(len(y_test), majority)", "y_pred = np.full(y_test.shape, majority)"),
]}
