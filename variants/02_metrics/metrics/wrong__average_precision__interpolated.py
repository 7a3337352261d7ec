"""Interpolated AP (as in the Pascal VOC benchmark): each precision replaced by the
best precision at any higher recall. Not what average_precision_score computes."""
# (lines of the reference's average_precision, what this learner wrote instead)
EDITS = {"average_precision": [
    ("return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))", """
        interpolated = np.maximum.accumulate(precision[::-1])[::-1]
        return float(np.sum(np.diff(np.r_[0.0, recall]) * interpolated))
    """),
]}
