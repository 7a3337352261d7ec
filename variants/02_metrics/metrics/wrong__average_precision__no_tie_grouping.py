"""One PR point per sample: tied scores are stepped through one at a time, so
the result depends on how the sort ordered the ties."""


def average_precision(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    n_pos = int(y_true.sum())
    if n_pos == 0:
        raise ValueError("average_precision needs at least one positive in y_true")
    order = np.argsort(-scores, kind="stable")
    tps = np.cumsum(y_true[order])
    precision = tps / np.arange(1, len(tps) + 1)
    recall = tps / n_pos
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
