"""Returns the rates in the order (tpr, fpr, thresholds), the order the curve is
often described in ("TPR against FPR"), instead of roc_curve's (fpr, tpr, thresholds)."""
# (lines of the reference's roc_points, what this learner wrote instead)
EDITS = {"roc_points": [
    ("return fpr, tpr, np.r_[np.inf, thresholds]", "return tpr, fpr, np.r_[np.inf, thresholds]"),
]}
