"""Counts the positives needed as ceil(min_recall * n_pos) in floating point: when the
product should be a whole number but rounds just above it (0.55 * 100 = 55.00000000000001,
0.56 * 25, 0.14 * 50), one positive too many is required and the threshold is too low."""
# (lines of the reference's threshold_for_recall, what this learner wrote instead)
EDITS = {"threshold_for_recall": [
    ("needed = int(np.ceil(min_recall * n_pos - 1e-12))",
     "needed = int(np.ceil(min_recall * n_pos))"),
]}
