"""Correct, written differently: a namedtuple of Python ints from a Counter, precision/recall/F1 with
statistics.harmonic_mean, F1 compared as exact Fractions (so a tie is a tie) with the ascending sweep
keeping the last (highest) best, the trapezoids summed with math.fsum in a loop, AP as the mean over
the positives of the precision at their own score, the cost search walking down from inf with a strict <,
and the imbalance experiment with Generator(PCG64(seed)) and standard normals shifted by 2."""
import math
import numbers
import statistics
from collections import Counter, namedtuple
from fractions import Fraction

Counts = namedtuple("Counts", "tn fp fn tp")


def _check_inputs(y_true, values, values_name="y_pred", values_are_labels=True):
    y = np.array(y_true)
    v = np.array(values)
    if y.ndim != 1 or v.ndim != 1:
        raise ValueError(f"y_true and {values_name} must be 1-D")
    if y.size == 0:
        raise ValueError("inputs are empty")
    if y.size != v.size:
        raise ValueError(f"y_true has {y.size} entries, {values_name} {v.size}")
    if y.dtype.kind not in "biuf" or not np.isin(y, [0, 1]).all():
        raise ValueError("y_true must hold only 0 and 1")
    y = y.astype(int)
    if values_are_labels:
        if v.dtype.kind not in "biuf" or not np.isin(v, [0, 1]).all():
            raise ValueError(f"{values_name} must hold only 0 and 1")
        return y, v.astype(int)
    if v.dtype.kind not in "biuf":
        raise ValueError(f"{values_name} must be numbers")
    v = v.astype(float)
    if not np.isfinite(v).all():
        raise ValueError(f"{values_name} must be finite")
    return y, v


def confusion_counts(y_true, y_pred):
    y, p = _check_inputs(y_true, y_pred)
    c = Counter(zip(y.tolist(), p.tolist()))
    return Counts(int(c[0, 0]), int(c[0, 1]), int(c[1, 0]), int(c[1, 1]))


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = statistics.harmonic_mean([precision, recall])   # 0 when either is 0
    return float(precision), float(recall), float(f1)


def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    if not isinstance(n_samples, numbers.Integral) or isinstance(n_samples, (bool, np.bool_)) or n_samples < 1:
        raise ValueError(f"n_samples must be a positive integer, got {n_samples!r}")
    if not isinstance(positive_rate, numbers.Real) or not 0 <= positive_rate <= 1:
        raise ValueError(f"positive_rate must be in [0, 1], got {positive_rate!r}")
    rng = np.random.default_rng(random_state)
    y = (rng.random(int(n_samples)) < positive_rate).astype(int)
    pred = np.zeros_like(y)
    tn, fp, fn, tp = confusion_counts(y, pred)
    p, r, f = precision_recall_f1(y, pred)
    return {"accuracy": (tn + tp) / int(n_samples), "precision": p, "recall": r, "f1": f}


def _counts_at_thresholds(y_true, scores):
    y, s = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    thresholds = np.unique(s)[::-1]
    # number of samples with score >= t: searchsorted on the ascending scores
    ascending_pos = np.sort(s[y == 1])
    ascending_neg = np.sort(s[y == 0])
    tps = len(ascending_pos) - np.searchsorted(ascending_pos, thresholds, side="left")
    fps = len(ascending_neg) - np.searchsorted(ascending_neg, thresholds, side="left")
    return thresholds.astype(float), tps.astype(int), fps.astype(int)


def roc_points(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    P, N = tps[-1], fps[-1]
    if P == 0 or N == 0:
        raise ValueError("y_true needs both classes for a ROC curve")
    fpr = np.concatenate([[0.0], fps / N])
    tpr = np.concatenate([[0.0], tps / P])
    return fpr, tpr, np.concatenate([[np.inf], thresholds])


def auc_trapezoid(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or len(x) != len(y):
        raise ValueError("x and y must be 1-D of equal length")
    if len(x) < 2:
        raise ValueError("need at least two points")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("x and y must be finite")
    parts = []
    for i in range(len(x) - 1):
        width = x[i + 1] - x[i]
        if width < 0:
            raise ValueError("x must be sorted in increasing order")
        parts.append(width * (y[i] + y[i + 1]) / 2)
    return math.fsum(parts)


def average_precision(y_true, scores):
    y, s = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    if not (y == 1).any():
        raise ValueError("average precision needs at least one positive")
    ascending = np.sort(s)
    ascending_pos = np.sort(s[y == 1])
    pos_scores = s[y == 1]
    # precision at each positive's own score: positives / samples scoring at least that much
    flagged = len(s) - np.searchsorted(ascending, pos_scores, side="left")
    hits = len(ascending_pos) - np.searchsorted(ascending_pos, pos_scores, side="left")
    return float(np.mean(hits / flagged))


def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    P = int(tps[-1])
    if P == 0:
        raise ValueError("y_true needs at least one positive")
    best = None
    # ascending thresholds; >= keeps the last, i.e. the highest, of equal F1 values
    for t, tp, fp in zip(thresholds[::-1].tolist(), tps[::-1].tolist(), fps[::-1].tolist()):
        f1 = Fraction(2 * tp, 2 * tp + fp + (P - tp))
        if best is None or f1 >= best[1]:
            best = (t, f1)
    return float(best[0]), float(best[1])


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    for name, cost in (("cost_fp", cost_fp), ("cost_fn", cost_fn)):
        if not isinstance(cost, numbers.Real) or not math.isfinite(cost) or cost < 0:
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    P = int(np.sum(np.asarray(y_true, dtype=float) == 1))
    best_t, best_cost = math.inf, cost_fn * P
    for t, tp, fp in zip(thresholds.tolist(), tps.tolist(), fps.tolist()):
        cost = cost_fp * fp + cost_fn * (P - tp)
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t), float(best_cost)


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    rates = list(positive_rates)
    if not rates:
        raise ValueError("give at least one positive rate")
    counts = []
    for rate in rates:
        n_pos = round(rate * 50_000)
        if not 1 <= n_pos <= 49_999:
            raise ValueError(f"rate {rate} leaves no positive or no negative among 50,000 samples")
        counts.append(n_pos)
    rng = np.random.Generator(np.random.PCG64(random_state))
    rows = []
    for n_pos in counts:
        n_neg = 50_000 - n_pos
        neg = rng.standard_normal(n_neg)
        pos = 2.0 + rng.standard_normal(n_pos)
        scores = np.concatenate([neg, pos])
        labels = np.concatenate([np.zeros(n_neg, dtype=int), np.ones(n_pos, dtype=int)])
        fpr, tpr, _ = roc_points(labels, scores)
        rows.append((auc_trapezoid(fpr, tpr), average_precision(labels, scores)))
    return pd.DataFrame(rows, columns=["roc_auc", "pr_auc"], index=pd.Index(rates, name="positive_rate"))
