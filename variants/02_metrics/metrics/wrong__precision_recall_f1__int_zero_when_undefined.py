"""Writes the undefined ratios as `0` instead of `0.0`: with nothing predicted positive it returns the int 0,
not the Python floats the docstring promises (the values also feed accuracy_paradox's dict)."""


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0
    return precision, recall, f1
