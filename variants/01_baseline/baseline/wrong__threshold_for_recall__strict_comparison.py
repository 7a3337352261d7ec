"""Scores recall with proba > t while the threshold is meant as proba >= t."""


def threshold_for_recall(y_true, proba, min_recall=0.98):
    check_binary_labels(y_true, "y_true", both_classes=False)
    y_true, proba = np.asarray(y_true), np.asarray(proba, dtype=float)
    if len(y_true) != len(proba) or not 0 < min_recall <= 1 or (y_true == 1).sum() == 0:
        raise ValueError("invalid input")
    best = None
    for t in np.unique(proba):
        recall = ((proba > t) & (y_true == 1)).sum() / (y_true == 1).sum()
        if recall >= min_recall:
            best = t
    return float(best if best is not None else proba.min())
