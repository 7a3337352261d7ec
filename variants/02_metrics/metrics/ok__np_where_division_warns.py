"""Correct values, written the vectorised way: counts as a float array, and each ratio
with np.where(denominator > 0, ratio, 0.0). np.where evaluates both branches, so 0/0
emits a RuntimeWarning, but the returned values are the required 0.0."""


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = np.array(confusion_counts(y_true, y_pred), dtype=float)
    precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
    recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
    f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return float(precision), float(recall), float(f1)
