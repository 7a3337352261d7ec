"""Rectangles at the left point (a left Riemann sum) instead of trapezoids."""
# (lines of the reference's auc_trapezoid, what this learner wrote instead)
EDITS = {"auc_trapezoid": [
    ("return float(np.sum(widths * (y[1:] + y[:-1]) / 2))",
     "return float(np.sum(widths * y[:-1]))"),
]}
