"""Loops over the distinct scores but predicts positive when score > threshold
instead of score >= threshold: every point is shifted by one threshold."""


def roc_points(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    n_pos = int(y_true.sum())
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_points needs both classes in y_true")
    thresholds = np.r_[np.inf, np.unique(scores)[::-1]]
    fpr, tpr = [], []
    for threshold in thresholds:
        predicted = scores > threshold
        tpr.append(np.sum(predicted & (y_true == 1)) / n_pos)
        fpr.append(np.sum(predicted & (y_true == 0)) / n_neg)
    return np.array(fpr), np.array(tpr), thresholds
