"""Checks the points, then hands the area to np.trapezoid, which section 6 rules out
("Write it with NumPy, without np.trapezoid or sklearn.metrics.auc")."""
# (lines of the reference's auc_trapezoid, what this learner wrote instead)
EDITS = {"auc_trapezoid": [
    ("return float(np.sum(widths * (y[1:] + y[:-1]) / 2))",
     "return float(np.trapezoid(y, x))"),
]}
