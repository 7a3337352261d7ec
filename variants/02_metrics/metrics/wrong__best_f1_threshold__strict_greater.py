"""Predicts positive when score > threshold instead of score >= threshold."""


def best_f1_threshold(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    n_pos = int(y_true.sum())
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    best = (None, -1.0)
    for threshold in np.unique(scores)[::-1]:
        predicted = scores > threshold
        tp = int(np.sum(predicted & (y_true == 1)))
        fp = int(np.sum(predicted & (y_true == 0)))
        f1 = 2 * tp / (tp + fp + n_pos)
        if f1 > best[1]:
            best = (float(threshold), f1)
    return best
