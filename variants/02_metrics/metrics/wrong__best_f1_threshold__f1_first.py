"""Returns (f1, threshold) instead of (threshold, f1)."""
# (lines of the reference's best_f1_threshold, what this learner wrote instead)
EDITS = {"best_f1_threshold": [
    ("return float(thresholds[best]), float(f1[best])", "return float(f1[best]), float(thresholds[best])"),
]}
