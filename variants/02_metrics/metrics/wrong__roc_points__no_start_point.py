"""Forgets the starting point (threshold inf, FPR = TPR = 0): the curve starts
at the highest score."""


def roc_points(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos, n_neg = tps[-1], fps[-1]
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_points needs both classes in y_true")
    return fps / n_neg, tps / n_pos, thresholds.astype(float)
