"""Takes the recall gains as np.diff(recall) without R_0 = 0 in front, and pairs
them with the precisions from the second threshold on: the first step,
R_1 * P_1, is lost."""
# (lines of the reference's average_precision, what this learner wrote instead)
EDITS = {"average_precision": [
    ("return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))",
     "return float(np.sum(np.diff(recall) * precision[1:]))"),
]}
