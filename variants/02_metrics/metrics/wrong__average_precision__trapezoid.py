"""Trapezoidal area between the PR points (starting at recall 0, precision 1)
instead of the step-wise sum of (R_k - R_{k-1}) * P_k."""


def average_precision(y_true, scores):
    _, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("average_precision needs at least one positive in y_true")
    precision = np.r_[1.0, tps / (tps + fps)]
    recall = np.r_[0.0, tps / n_pos]
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))
