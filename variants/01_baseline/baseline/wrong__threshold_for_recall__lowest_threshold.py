"""Returns the lowest positive score, the threshold for recall 1.0, whatever min_recall asks."""


def threshold_for_recall(y_true, proba, min_recall=0.98):
    check_binary_labels(y_true, "y_true", both_classes=False)
    y_true, proba = np.asarray(y_true), np.asarray(proba, dtype=float)
    if (y_true == 1).sum() == 0:
        raise ValueError("no positives")
    return float(proba[y_true == 1].min())
