"""Scans the thresholds from low to high and keeps the last maximum, so equal
F1 values go to the LOWER threshold."""


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    f1 = 2 * tps / (tps + fps + n_pos)
    best = len(f1) - 1 - int(np.argmax(f1[::-1]))  # last maximum = lowest threshold
    return float(thresholds[best]), float(f1[best])
