"""Returns the counts as NumPy integers (np.sum results) instead of Python ints."""


def confusion_counts(y_true, y_pred):
    y_true, y_pred = _check_inputs(y_true, y_pred, "y_pred")
    tn = np.sum((y_true == 0) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    tp = np.sum((y_true == 1) & (y_pred == 1))
    return tn, fp, fn, tp
