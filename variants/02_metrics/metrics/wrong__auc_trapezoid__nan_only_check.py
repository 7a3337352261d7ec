"""Checks the points for NaN only: an infinite x or y passes and the area comes
back inf (or NaN) instead of a ValueError for values that are not finite."""
# (lines of the reference's auc_trapezoid, what this learner wrote instead)
EDITS = {"auc_trapezoid": [
    ("if not (np.isfinite(x).all() and np.isfinite(y).all()):", "if np.isnan(x).any() or np.isnan(y).any():"),
]}
