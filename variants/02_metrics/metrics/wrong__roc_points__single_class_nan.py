"""No check for a single class: with only negatives TPR is 0/0 and the curve
silently fills with NaN instead of raising ValueError."""


def roc_points(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    with np.errstate(divide="ignore", invalid="ignore"):
        fpr = np.r_[0, fps] / fps[-1]
        tpr = np.r_[0, tps] / tps[-1]
    return fpr, tpr, np.r_[np.inf, thresholds]
