"""Forgets the / 2 of the trapezoid: every area comes back twice as large."""
# (lines of the reference's auc_trapezoid, what this learner wrote instead)
EDITS = {"auc_trapezoid": [
    ("return float(np.sum(widths * (y[1:] + y[:-1]) / 2))",
     "return float(np.sum(widths * (y[1:] + y[:-1])))"),
]}
