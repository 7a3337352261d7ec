"""First threshold is max(score) + 1, as scikit-learn did before version 1.3,
instead of inf."""


def roc_points(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos, n_neg = tps[-1], fps[-1]
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_points needs both classes in y_true")
    fpr = np.r_[0, fps] / n_neg
    tpr = np.r_[0, tps] / n_pos
    return fpr, tpr, np.r_[thresholds[0] + 1, thresholds]
