"""Checks only n_samples < 1, not that n_samples is an integer: n_samples=2.5
(or 100.0) reaches rng.random and fails there with a TypeError instead of the
ValueError the docstring asks for."""
# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("if not isinstance(n_samples, (int, np.integer)) or n_samples < 1:", "if n_samples < 1:"),
]}
