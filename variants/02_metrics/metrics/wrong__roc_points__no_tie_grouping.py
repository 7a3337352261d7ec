"""Steps through the sorted samples one at a time: one ROC point per sample,
so tied scores are split into several points whose order depends on the sort."""


def roc_points(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    n_pos = int(y_true.sum())
    n_neg = len(y_true) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_points needs both classes in y_true")
    order = np.argsort(-scores, kind="stable")
    tps = np.cumsum(y_true[order])
    fps = np.cumsum(1 - y_true[order])
    fpr = np.r_[0, fps] / n_neg
    tpr = np.r_[0, tps] / n_pos
    return fpr, tpr, np.r_[np.inf, scores[order]]
