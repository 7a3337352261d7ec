"""Searches the distinct scores only and forgets threshold inf (predict nothing
positive), which is the cheapest choice when false alarms are expensive."""


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    costs = cost_fp * fps + cost_fn * (tps[-1] - tps)
    best = int(np.argmin(costs))
    return float(thresholds[best]), float(costs[best])
