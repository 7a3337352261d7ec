"""Correct, written differently: the counts at every distinct score come from
np.unique(return_inverse=True) and np.bincount (positives and samples per distinct
score), accumulated from the highest score down with a reversed cumsum; no sort of
the samples and no run detection. Precision/recall use float counts."""


def _counts_at_thresholds(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    distinct, where = np.unique(scores, return_inverse=True)      # ascending
    positives = np.bincount(where, weights=y_true, minlength=len(distinct))
    samples = np.bincount(where, minlength=len(distinct))
    tps = np.cumsum(positives[::-1]).astype(int)                 # scores >= each threshold
    fps = np.cumsum(samples[::-1]) - tps
    return distinct[::-1].astype(float), tps, fps


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = int(tps[-1]) if len(tps) else 0
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive")
    f1 = 2 * tps / (2 * tps + fps + (n_pos - tps))
    winners = np.flatnonzero(f1 == f1.max())
    chosen = winners[0]                                           # thresholds decrease
    return float(thresholds[chosen]), float(f1[chosen])


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be finite and >= 0")
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    best_threshold, best_cost = float("inf"), float(cost_fn * n_pos)
    costs = cost_fp * fps + cost_fn * (n_pos - tps)
    for threshold, cost in zip(thresholds, costs):               # highest first: keep strict improvements
        if cost < best_cost:
            best_threshold, best_cost = float(threshold), float(cost)
    return best_threshold, best_cost
