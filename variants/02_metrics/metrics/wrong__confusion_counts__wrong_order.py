"""Returns (tp, fp, fn, tn), the order of a textbook table, instead of
confusion_matrix(...).ravel()'s (tn, fp, fn, tp)."""


def confusion_counts(y_true, y_pred):
    y_true, y_pred = _check_inputs(y_true, y_pred, "y_pred")
    tn = int(np.sum((y_true == 0) & (y_pred == 0)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    return tp, fp, fn, tn
