"""Casts labels to bool without checking them: label 2 (or a score 0.5) silently
counts as positive instead of raising ValueError."""


def confusion_counts(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) == 0 or len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred must be non-empty and of equal length")
    y_true, y_pred = y_true.astype(bool), y_pred.astype(bool)
    tn = int(np.sum(~y_true & ~y_pred))
    fp = int(np.sum(~y_true & y_pred))
    fn = int(np.sum(y_true & ~y_pred))
    tp = int(np.sum(y_true & y_pred))
    return tn, fp, fn, tp
