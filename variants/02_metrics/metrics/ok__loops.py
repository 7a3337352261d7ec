"""Correct, written with plain Python loops and its own input checks: counts by
zip, ROC points by counting score >= threshold at each distinct score, and the
other curves by one walk through the sorted samples. At 50,000 samples the
experiment at the end takes scikit-learn's two metrics, as the notebook allows:
its ROC points, a loop over every sample at each distinct score, would take
minutes for each rate there."""


def _ok_labels_and_values(y_true, values, values_are_labels):
    y_true = np.asarray(y_true)
    values = np.asarray(values)
    if y_true.ndim != 1 or values.ndim != 1 or len(y_true) != len(values) or len(y_true) == 0:
        raise ValueError("expected two non-empty 1-D inputs of the same length")
    labels = []
    for value in y_true.tolist():
        if value not in (0, 1):  # NaN, 2, -1 ... are not labels
            raise ValueError(f"y_true holds {value!r}, not a 0/1 label")
        labels.append(int(value))
    if values_are_labels:
        predicted = []
        for value in values.tolist():
            if value not in (0, 1):
                raise ValueError(f"y_pred holds {value!r}, not a 0/1 label")
            predicted.append(int(value))
        return labels, predicted
    scores = [float(v) for v in values.tolist()]
    if any(s != s or s in (float("inf"), float("-inf")) for s in scores):
        raise ValueError("scores must be finite")
    return labels, scores


def confusion_counts(y_true, y_pred):
    labels, predicted = _ok_labels_and_values(y_true, y_pred, True)
    tn = fp = fn = tp = 0
    for truth, guess in zip(labels, predicted):
        if truth == 1 and guess == 1:
            tp += 1
        elif truth == 1:
            fn += 1
        elif guess == 1:
            fp += 1
        else:
            tn += 1
    return tn, fp, fn, tp


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)


def roc_points(y_true, scores):
    labels, values = _ok_labels_and_values(y_true, scores, False)
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        raise ValueError("the ROC curve needs positives and negatives")
    fpr, tpr, thresholds = [0.0], [0.0], [float("inf")]
    for threshold in sorted(set(values), reverse=True):
        tp = sum(1 for y, s in zip(labels, values) if s >= threshold and y == 1)
        fp = sum(1 for y, s in zip(labels, values) if s >= threshold and y == 0)
        fpr.append(fp / n_neg)
        tpr.append(tp / n_pos)
        thresholds.append(threshold)
    return np.array(fpr), np.array(tpr), np.array(thresholds)


def auc_trapezoid(x, y):
    x, y = list(np.asarray(x, dtype=float)), list(np.asarray(y, dtype=float))
    if len(x) != len(y) or len(x) < 2:
        raise ValueError("need two or more points, as many x as y")
    if not all(np.isfinite(x)) or not all(np.isfinite(y)):
        raise ValueError("points must be finite")
    area = 0.0
    for i in range(len(x) - 1):
        if x[i + 1] < x[i]:
            raise ValueError("x must be increasing")
        area += (x[i + 1] - x[i]) * (y[i] + y[i + 1]) / 2
    return float(area)


def _ok_sweep(labels, values):
    """(threshold, tp, fp) at each distinct score, highest first: walk through the
    samples sorted by decreasing score and record the counts at the end of each
    run of equal scores."""
    pairs = sorted(zip(values, labels), key=lambda pair: -pair[0])
    points, tp, fp = [], 0, 0
    for i, (score, label) in enumerate(pairs):
        tp += label
        fp += 1 - label
        if i == len(pairs) - 1 or pairs[i + 1][0] != score:
            points.append((score, tp, fp))
    return points


def average_precision(y_true, scores):
    labels, values = _ok_labels_and_values(y_true, scores, False)
    n_pos = sum(labels)
    if n_pos == 0:
        raise ValueError("average precision needs a positive")
    ap, previous_recall = 0.0, 0.0
    for threshold, tp, fp in _ok_sweep(labels, values):
        recall = tp / n_pos
        ap += (recall - previous_recall) * (tp / (tp + fp))
        previous_recall = recall
    return float(ap)


def best_f1_threshold(y_true, scores):
    labels, values = _ok_labels_and_values(y_true, scores, False)
    n_pos = sum(labels)
    if n_pos == 0:
        raise ValueError("F1 needs a positive")
    best_threshold, best_f1 = None, -1.0
    for threshold, tp, fp in _ok_sweep(labels, values):
        f1 = 2 * tp / (2 * tp + fp + (n_pos - tp))
        if f1 > best_f1:
            best_threshold, best_f1 = float(threshold), float(f1)
    return best_threshold, best_f1


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    if not (np.isfinite(cost_fp) and np.isfinite(cost_fn)) or cost_fp < 0 or cost_fn < 0:
        raise ValueError("costs must be finite and non-negative")
    labels, values = _ok_labels_and_values(y_true, scores, False)
    n_pos = sum(labels)
    best_threshold, best_cost = float("inf"), float(cost_fn * n_pos)
    for threshold, tp, fp in _ok_sweep(labels, values):
        cost = cost_fp * fp + cost_fn * (n_pos - tp)
        if cost < best_cost:
            best_threshold, best_cost = float(threshold), float(cost)
    return best_threshold, best_cost


# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ("""
        # The functions written above agree with roc_auc_score and average_precision_score,
        # and on 50,000 samples they take about half their time.
        fpr, tpr, _ = roc_points(y_true, scores)
        rows.append({"roc_auc": auc_trapezoid(fpr, tpr), "pr_auc": average_precision(y_true, scores)})
    """, """
        rows.append({"roc_auc": float(roc_auc_score(y_true, scores)),
                     "pr_auc": float(average_precision_score(y_true, scores))})
    """),
]}
