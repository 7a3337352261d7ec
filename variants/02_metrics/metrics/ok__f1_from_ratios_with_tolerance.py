"""Correct, written differently: F1 from the precision and recall ratios as 2PR/(P+R),
with near-equal F1 values (within 1e-12) treated as ties that go to the higher threshold."""


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    precision, recall = tps / (tps + fps), tps / n_pos
    with np.errstate(invalid="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    best = int(np.flatnonzero(np.isclose(f1, f1.max(), rtol=1e-12, atol=0))[0])
    return float(thresholds[best]), float(f1[best])
