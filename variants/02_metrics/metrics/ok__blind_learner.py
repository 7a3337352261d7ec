"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: input checks of its own (np.issubdtype on integer, floating and boolean dtypes), the curves built with np.concatenate and np.r_, counts with np.count_nonzero."""
"""learn2: final answers of release/02_metrics/metrics.ipynb (code answer cells, verbatim, in cell order)."""
# from the notebook's locked imports cell (needed to run this file on its own)
import numpy as np
import pandas as pd

# answer cell: check_inputs
import numbers


def _as_1d(values, name):
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got an array of shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    return arr


def _as_labels(values, name):
    arr = _as_1d(values, name)
    if arr.dtype == bool:
        return arr.astype(int)
    if not (np.issubdtype(arr.dtype, np.integer) or np.issubdtype(arr.dtype, np.floating)):
        raise ValueError(f"{name} must hold 0/1 labels, got dtype {arr.dtype}")
    bad = ~((arr == 0) | (arr == 1))
    if bad.any():
        raise ValueError(f"{name} must hold only 0 and 1, found {arr[bad][:5].tolist()}")
    return arr.astype(int)


def _as_scores(values, name):
    arr = _as_1d(values, name)
    if not (arr.dtype == bool or np.issubdtype(arr.dtype, np.integer)
            or np.issubdtype(arr.dtype, np.floating)):
        raise ValueError(f"{name} must hold real numbers, got dtype {arr.dtype}")
    arr = arr.astype(float)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} holds NaN or infinite values")
    return arr


def _check_inputs(y_true, values, values_name="y_pred", values_are_labels=True):
    y = _as_labels(y_true, "y_true")
    v = _as_labels(values, values_name) if values_are_labels else _as_scores(values, values_name)
    if len(y) != len(v):
        raise ValueError(f"y_true has {len(y)} entries but {values_name} has {len(v)}")
    return y.copy(), v.copy()


# answer cell: confusion_counts
def confusion_counts(y_true, y_pred):
    y, p = _check_inputs(y_true, y_pred)
    tp = int(np.count_nonzero((y == 1) & (p == 1)))
    fp = int(np.count_nonzero((y == 0) & (p == 1)))
    fn = int(np.count_nonzero((y == 1) & (p == 0)))
    tn = len(y) - tp - fp - fn
    return tn, fp, fn, tp


# answer cell: precision_recall_f1
def _ratio(num, den):
    return float(num / den) if den else 0.0


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * tp, 2 * tp + fp + fn)
    return precision, recall, f1


# answer cell: accuracy_paradox
def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    if isinstance(n_samples, (bool, np.bool_)) or not isinstance(n_samples, numbers.Integral):
        raise ValueError(f"n_samples must be an integer, got {n_samples!r}")
    if n_samples < 1:
        raise ValueError(f"n_samples must be at least 1, got {n_samples}")
    if isinstance(positive_rate, (bool, np.bool_)) or not isinstance(positive_rate, numbers.Real):
        raise ValueError(f"positive_rate must be a number, got {positive_rate!r}")
    if not (0.0 <= positive_rate <= 1.0):
        raise ValueError(f"positive_rate must be in [0, 1], got {positive_rate}")
    rng = np.random.default_rng(random_state)
    y = (rng.random(int(n_samples)) < positive_rate).astype(int)
    always_negative = np.zeros_like(y)
    tn, fp, fn, tp = confusion_counts(y, always_negative)
    precision, recall, f1 = precision_recall_f1(y, always_negative)
    return {"accuracy": (tn + tp) / len(y), "precision": precision, "recall": recall, "f1": f1}


# answer cell: counts_at_thresholds
def _counts_at_thresholds(y_true, scores):
    y, s = _check_inputs(y_true, scores, values_name="scores", values_are_labels=False)
    distinct, group = np.unique(s, return_inverse=True)   # increasing order
    pos_per_score = np.bincount(group, weights=y, minlength=len(distinct)).astype(int)
    all_per_score = np.bincount(group, minlength=len(distinct))
    # walk from the highest score down
    tps = np.cumsum(pos_per_score[::-1])
    fps = np.cumsum((all_per_score - pos_per_score)[::-1])
    return distinct[::-1].astype(float), tps.astype(int), fps.astype(int)


# answer cell: roc_points
def roc_points(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos, n_neg = tps[-1], fps[-1]
    if n_pos == 0 or n_neg == 0:
        raise ValueError("roc_points needs both classes in y_true "
                         f"(got {n_pos} positives and {n_neg} negatives)")
    fpr = np.concatenate([[0.0], fps / n_neg])
    tpr = np.concatenate([[0.0], tps / n_pos])
    return fpr, tpr, np.concatenate([[np.inf], thresholds])


# answer cell: auc_trapezoid
def auc_trapezoid(x, y):
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    if xs.ndim != 1 or ys.ndim != 1:
        raise ValueError("x and y must be 1-D")
    if len(xs) != len(ys):
        raise ValueError(f"x has {len(xs)} points but y has {len(ys)}")
    if len(xs) < 2:
        raise ValueError("need at least two points for an area")
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        raise ValueError("x and y must be finite")
    widths = np.diff(xs)
    if (widths < 0).any():
        raise ValueError("x must be sorted in increasing order")
    return float(np.sum(widths * (ys[1:] + ys[:-1])) / 2.0)


# answer cell: average_precision
def average_precision(y_true, scores):
    _, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("average_precision needs at least one positive in y_true")
    precision = tps / (tps + fps)
    recall = tps / n_pos
    gains = np.diff(recall, prepend=0.0)
    return float(np.dot(gains, precision))


# answer cell: best_f1_threshold
def best_f1_threshold(y_true, scores):
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    if n_pos == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    fns = n_pos - tps
    f1 = 2 * tps / (2 * tps + fps + fns)
    best = f1.max()
    k = np.flatnonzero(f1 == best)[0]   # thresholds decrease: first hit is the highest
    return float(thresholds[k]), float(best)


# answer cell: min_cost_threshold
def _check_cost(value, name):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be finite and >= 0, got {value}")
    return float(value)


def min_cost_threshold(y_true, scores, cost_fp, cost_fn):
    c_fp = _check_cost(cost_fp, "cost_fp")
    c_fn = _check_cost(cost_fn, "cost_fn")
    thresholds, tps, fps = _counts_at_thresholds(y_true, scores)
    n_pos = tps[-1]
    candidates = np.r_[np.inf, thresholds]
    tp = np.r_[0, tps]
    fp = np.r_[0, fps]
    costs = c_fp * fp + c_fn * (n_pos - tp)
    k = int(np.argmin(costs))
    return float(candidates[k]), float(costs[k])


# answer cell: roc_vs_pr_under_imbalance
from sklearn.metrics import roc_auc_score, average_precision_score

N_SAMPLES_IMBALANCE = 50_000


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    rates = list(positive_rates)
    if not rates:
        raise ValueError("give at least one positive rate")
    sizes = []
    for rate in rates:
        if isinstance(rate, (bool, np.bool_)) or not isinstance(rate, numbers.Real) or not np.isfinite(rate):
            raise ValueError(f"a positive rate must be a finite number, got {rate!r}")
        n_pos = round(rate * N_SAMPLES_IMBALANCE)
        if not 1 <= n_pos <= N_SAMPLES_IMBALANCE - 1:
            raise ValueError(f"rate {rate} leaves {n_pos} positives out of {N_SAMPLES_IMBALANCE}: "
                             "need at least one positive and one negative")
        sizes.append((N_SAMPLES_IMBALANCE - n_pos, n_pos))
    rng = np.random.default_rng(random_state)
    rows = []
    for n_neg, n_pos in sizes:
        scores = np.concatenate([rng.normal(0.0, 1.0, n_neg), rng.normal(2.0, 1.0, n_pos)])
        labels = np.concatenate([np.zeros(n_neg, dtype=int), np.ones(n_pos, dtype=int)])
        rows.append((float(roc_auc_score(labels, scores)), float(average_precision_score(labels, scores))))
    return pd.DataFrame(rows, columns=["roc_auc", "pr_auc"],
                        index=pd.Index(rates, name="positive_rate"))



