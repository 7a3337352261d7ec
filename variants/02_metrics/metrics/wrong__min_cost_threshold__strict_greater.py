"""Loops over inf and the distinct scores but predicts positive when
score > threshold instead of score >= threshold."""


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    best = None
    for threshold in np.r_[np.inf, np.unique(scores)[::-1]]:
        predicted = scores > threshold
        fp = int(np.sum(predicted & (y_true == 0)))
        fn = int(np.sum(~predicted & (y_true == 1)))
        cost = cost_fp * fp + cost_fn * fn
        if best is None or cost < best[1]:
            best = (float(threshold), float(cost))
    return best
