"""Multiplies the false positives by cost_fn and the false negatives by cost_fp."""


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    candidates = np.r_[np.inf, thresholds]
    costs = cost_fn * np.r_[0, fps] + cost_fp * (n_pos - np.r_[0, tps])
    best = int(np.argmin(costs))
    return float(candidates[best]), float(costs[best])
