"""Divides the Python int counts with no check of the denominators: with nothing
predicted positive, precision is 0/0 and ZeroDivisionError is raised instead of
reporting 0.0."""


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)
