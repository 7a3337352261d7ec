"""Interpolated AP (as in the Pascal VOC benchmark): each precision replaced by the
best precision at any higher recall. Not what average_precision_score computes."""


def average_precision(y_true, scores):
    _, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("average_precision needs at least one positive in y_true")
    precision = tps / (tps + fps)
    recall = tps / n_pos
    interpolated = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * interpolated))
