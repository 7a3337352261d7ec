"""Checks isinstance(n_samples, int) only: a NumPy integer such as np.int64(500),
which the notebook says counts too, is rejected with ValueError."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("if not isinstance(n_samples, (int, np.integer)) or n_samples < 1:",
     "if not isinstance(n_samples, int) or n_samples < 1:"),
]}
