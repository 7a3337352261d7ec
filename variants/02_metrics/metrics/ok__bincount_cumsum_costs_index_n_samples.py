"""Correct, written differently: counts by one bincount of 2 * y + pred, NumPy floats returned
(np.float64 is a float), counts at the thresholds from a descending sort with np.diff run ends found
from the end, the cost of every threshold accumulated sample by sample (cost_fn * P, then + cost_fp
for each negative flagged, - cost_fn for each positive flagged), n_samples checked with
operator.index, and the imbalance table from scikit-learn with its columns in the other order."""
import operator
from sklearn.metrics import roc_auc_score as _sk_roc_auc, average_precision_score as _sk_ap


def _check_inputs(y_true, values, values_name="y_pred", values_are_labels=True):
    y = np.array(y_true, dtype=float) if len(np.shape(y_true)) else np.array(y_true)
    v = np.array(values, dtype=float)
    if y.ndim != 1 or v.ndim != 1 or y.shape[0] == 0 or y.shape != v.shape:
        raise ValueError(f"y_true and {values_name} must be non-empty 1-D arrays of one length")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y_true: labels must be 0 or 1")
    if values_are_labels:
        if not np.all((v == 0) | (v == 1)):
            raise ValueError(f"{values_name}: labels must be 0 or 1")
        return y.astype(int), v.astype(int)
    if not np.all(np.isfinite(v)):
        raise ValueError(f"{values_name} must be finite")
    return y.astype(int), v


def confusion_counts(y_true, y_pred):
    y, p = _check_inputs(y_true, y_pred)
    tn, fp, fn, tp = np.bincount(2 * y + p, minlength=4).tolist()
    return tn, fp, fn, tp


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = (np.float64(c) for c in confusion_counts(y_true, y_pred))
    precision = tp / (tp + fp) if tp + fp > 0 else np.float64(0)
    recall = tp / (tp + fn) if tp + fn > 0 else np.float64(0)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else np.float64(0)
    return precision, recall, f1


def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    try:
        n = operator.index(n_samples)
    except TypeError:
        raise ValueError(f"n_samples must be an integer, got {n_samples!r}") from None
    if n < 1:
        raise ValueError(f"n_samples must be at least 1, got {n}")
    rate = float(positive_rate)
    if not (0.0 <= rate <= 1.0):
        raise ValueError(f"positive_rate must be in [0, 1], got {positive_rate!r}")
    draws = np.random.default_rng(random_state).random(n)
    y = np.where(draws < rate, 1, 0)
    zeros = np.zeros(n, dtype=int)
    tn, fp, fn, tp = confusion_counts(y, zeros)
    precision, recall, f1 = precision_recall_f1(y, zeros)
    return {"accuracy": float(tn + tp) / n, "precision": float(precision), "recall": float(recall), "f1": float(f1)}


def _counts_at_thresholds(y_true, scores):
    y, s = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    last_of_run = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), len(s) - 1]
    tps = np.cumsum(y_sorted)[last_of_run]
    fps = (last_of_run + 1) - tps
    return s_sorted[last_of_run], tps, fps


def roc_points(y_true, scores):
    thr, tps, fps = _counts_at_thresholds(y_true, scores)
    if tps[-1] == 0 or fps[-1] == 0:
        raise ValueError("roc_points needs both classes in y_true")
    return (np.r_[0, fps] / fps[-1], np.r_[0, tps] / tps[-1], np.r_[np.inf, thr])


def auc_trapezoid(x, y):
    x = np.array(x, dtype=float)
    y = np.array(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2 or not np.isfinite(np.r_[x, y]).all():
        raise ValueError("need two 1-D finite arrays of equal length >= 2")
    dx = np.diff(x)
    if (dx < 0).any():
        raise ValueError("x must be sorted increasingly")
    return float(np.dot(dx, (y[1:] + y[:-1]) * 0.5))


def average_precision(y_true, scores):
    _, tps, fps = _counts_at_thresholds(y_true, scores)
    if tps[-1] == 0:
        raise ValueError("average_precision needs a positive in y_true")
    recall = tps / tps[-1]
    precision = tps / (tps + fps)
    return float(np.sum(np.diff(recall, prepend=0.0) * precision))


def best_f1_threshold(y_true, scores):
    thr, tps, fps = _counts_at_thresholds(y_true, scores)
    P = tps[-1]
    if P == 0:
        raise ValueError("best_f1_threshold needs a positive in y_true")
    f1 = 2 * tps / (2 * tps + fps + (P - tps))
    best = np.flatnonzero(f1 == f1.max())
    i = best[np.argmax(thr[best])]
    return float(thr[i]), float(f1[i])


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    cost_fp, cost_fn = float(cost_fp), float(cost_fn)
    if not (np.isfinite(cost_fp) and np.isfinite(cost_fn)) or cost_fp < 0 or cost_fn < 0:
        raise ValueError("costs must be finite and >= 0")
    y, s = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    step = np.where(y_sorted == 1, -cost_fn, cost_fp)      # cost change when a sample is flagged
    cost = cost_fn * y.sum() + np.cumsum(step)
    last_of_run = np.r_[np.flatnonzero(s_sorted[1:] != s_sorted[:-1]), len(s) - 1]
    candidates = np.r_[np.inf, s_sorted[last_of_run]]
    costs = np.r_[cost_fn * y.sum(), cost[last_of_run]]
    i = int(np.argmin(costs))
    return float(candidates[i]), float(costs[i])


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    rates = np.asarray(positive_rates, dtype=float)
    if rates.size == 0:
        raise ValueError("no positive rate given")
    rng = np.random.default_rng(random_state)
    out = {"pr_auc": [], "roc_auc": []}
    for rate in rates:
        n_pos = int(np.rint(rate * 50_000))
        if n_pos < 1 or n_pos > 49_999:
            raise ValueError(f"rate {rate}: {n_pos} positives of 50,000")
        scores = np.concatenate([rng.normal(0.0, 1.0, 50_000 - n_pos), rng.normal(2.0, 1.0, n_pos)])
        labels = np.repeat([0, 1], [50_000 - n_pos, n_pos])
        out["roc_auc"].append(float(_sk_roc_auc(labels, scores)))
        out["pr_auc"].append(float(_sk_ap(labels, scores)))
    return pd.DataFrame(out, index=pd.Index(rates, name="positive_rate"))
