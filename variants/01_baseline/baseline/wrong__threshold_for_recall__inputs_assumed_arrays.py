"""The labels and probabilities are taken to be NumPy arrays, with no
np.asarray: `y_true == 1` on a Python list is a single False, so lists,
which the function accepts, fail."""
# (lines of the reference's threshold_for_recall, what this learner wrote instead)
EDITS = {"threshold_for_recall": [
    ("""
    y_true = np.asarray(y_true)
    proba = np.asarray(proba, dtype=float)
    """, ""),
]}
