"""Tries the thresholds of a fixed grid, np.linspace(1, 0, 101), as for
probabilities, instead of the distinct scores: the threshold returned need not be
one of the scores, and scores outside [0, 1] are never separated."""


def best_f1_threshold(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    if y_true.sum() == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    best_threshold, best_f1 = None, -1.0
    for threshold in np.linspace(1, 0, 101):
        _, _, f1 = precision_recall_f1(y_true, (scores >= threshold).astype(int))
        if f1 > best_f1:
            best_threshold, best_f1 = float(threshold), f1
    return best_threshold, best_f1
