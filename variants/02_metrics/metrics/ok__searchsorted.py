"""Correct, written differently: counts at each threshold with np.unique and
np.searchsorted on the sorted scores of each class, the prescribed labels
counted as uniform draws at or above the rate, and the imbalance experiment
with the notebook's own functions, standard normal draws shifted by 2 for the
positives, and the positives placed first in the arrays."""


def _ok_counts(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    thresholds = np.unique(scores)[::-1]
    positive_scores = np.sort(scores[y_true == 1])
    negative_scores = np.sort(scores[y_true == 0])
    # number of scores >= t = n - (number of scores < t)
    tps = len(positive_scores) - np.searchsorted(positive_scores, thresholds, side="left")
    fps = len(negative_scores) - np.searchsorted(negative_scores, thresholds, side="left")
    return thresholds, tps, fps, len(positive_scores), len(negative_scores)


def confusion_counts(y_true, y_pred):
    y_true, y_pred = _check_inputs(y_true, y_pred)
    counts = np.bincount(2 * y_true + y_pred, minlength=4)  # 0=tn, 1=fp, 2=fn, 3=tp
    return tuple(int(c) for c in counts)


def roc_points(y_true, scores):
    thresholds, tps, fps, n_pos, n_neg = _ok_counts(y_true, scores)
    if min(n_pos, n_neg) == 0:
        raise ValueError(f"roc_points needs both classes, got {n_pos} positives, {n_neg} negatives")
    return (np.concatenate([[0.0], fps / n_neg]), np.concatenate([[0.0], tps / n_pos]),
            np.concatenate([[np.inf], thresholds]))


def average_precision(y_true, scores):
    thresholds, tps, fps, n_pos, n_neg = _ok_counts(y_true, scores)
    if n_pos == 0:
        raise ValueError("no positive in y_true")
    recall = tps / n_pos
    precision = tps / (tps + fps)
    recall_gain = recall - np.concatenate([[0.0], recall[:-1]])
    return float(recall_gain @ precision)


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps, n_pos, n_neg = _ok_counts(y_true, scores)
    if n_pos == 0:
        raise ValueError("no positive in y_true")
    f1 = 2 * tps / (2 * tps + fps + (n_pos - tps))
    best = np.flatnonzero(f1 == f1.max())  # all thresholds reaching the best F1
    chosen = best[np.argmax(thresholds[best])]  # the highest of them
    return float(thresholds[chosen]), float(f1[chosen])


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    if not (np.isfinite(cost_fp) and cost_fp >= 0 and np.isfinite(cost_fn) and cost_fn >= 0):
        raise ValueError("costs must be finite and >= 0")
    thresholds, tps, fps, n_pos, n_neg = _ok_counts(y_true, scores)
    costs = cost_fp * fps + cost_fn * (n_pos - tps)
    nothing = cost_fn * n_pos
    if nothing <= costs.min():
        return float("inf"), float(nothing)
    cheapest = np.flatnonzero(costs == costs.min())
    chosen = cheapest[np.argmax(thresholds[cheapest])]
    return float(thresholds[chosen]), float(costs[chosen])


def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    if isinstance(n_samples, bool) or not isinstance(n_samples, (int, np.integer)) or n_samples <= 0:
        raise ValueError("n_samples must be a positive integer")
    if not (positive_rate >= 0 and positive_rate <= 1):
        raise ValueError("positive_rate must lie in [0, 1]")
    draws = np.random.default_rng(random_state).uniform(size=n_samples)
    y_true = np.where(draws < positive_rate, 1, 0)
    accuracy = float(np.count_nonzero(draws >= positive_rate) / n_samples)
    precision, recall, f1 = precision_recall_f1(y_true, np.zeros(n_samples, dtype=int))
    return dict(accuracy=accuracy, precision=precision, recall=recall, f1=f1)


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    if len(positive_rates) == 0:
        raise ValueError("give at least one positive rate")
    rng = np.random.default_rng(random_state)
    table = {}
    for rate in positive_rates:
        n_pos = int(round(rate * 50_000))
        if rate <= 0 or rate >= 1 or n_pos < 1 or n_pos > 49_999:
            raise ValueError(f"rate {rate} gives {n_pos} positives out of 50,000")
        negative_scores = rng.standard_normal(50_000 - n_pos)
        positive_scores = 2.0 + rng.standard_normal(n_pos)
        labels = np.concatenate([np.ones(n_pos, dtype=int), np.zeros(50_000 - n_pos, dtype=int)])
        scores = np.concatenate([positive_scores, negative_scores])
        fpr, tpr, _ = roc_points(labels, scores)
        table[float(rate)] = (auc_trapezoid(fpr, tpr), average_precision(labels, scores))
    frame = pd.DataFrame.from_dict(table, orient="index", columns=["roc_auc", "pr_auc"])
    frame.index.name = "positive_rate"
    return frame
