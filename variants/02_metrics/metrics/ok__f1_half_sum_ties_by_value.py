"""Correct, written differently: F1 as TP / (TP + (FP + FN) / 2) from the integer
counts (exact operands, so equal F1 values are equal floats), and every tie broken
by the threshold's value, not its position: the highest of the candidate thresholds
whose F1 (or cost) equals the best, via a boolean mask and .max(). The cost search
puts inf into the candidate array itself, with zero TP and FP in front of the counts."""


def best_f1_threshold(y_true, scores):
    cuts, tps, fps = _counts_at_thresholds(y_true, scores)
    total_pos = tps[-1]
    if total_pos == 0:
        raise ValueError("y_true holds no positive: F1 is 0 at every threshold")
    fns = total_pos - tps
    f1 = tps / (tps + 0.5 * (fps + fns))
    best = f1.max()
    winner = cuts[f1 == best].max()
    return float(winner), float(best)


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for label, c in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        try:
            value = float(c)
        except (TypeError, ValueError):
            raise ValueError(f"{label} must be a number, got {c!r}") from None
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"{label} must be finite and >= 0, got {c!r}")
    cuts, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    candidates = np.append(np.inf, cuts)
    false_pos = np.append(0, fps)
    false_neg = n_pos - np.append(0, tps)
    total = float(cost_fn) * false_neg + float(cost_fp) * false_pos
    cheapest = total.min()
    pick = candidates[total == cheapest].max()
    return float(pick), float(cheapest)
