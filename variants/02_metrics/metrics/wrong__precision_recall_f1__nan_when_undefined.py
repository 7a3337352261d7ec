"""Divides with NumPy and silences the warning: an undefined ratio (no
predicted positive, no actual positive) becomes NaN instead of 0.0."""


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = (np.float64(c) for c in confusion_counts(y_true, y_pred))
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
    return float(precision), float(recall), float(f1)
