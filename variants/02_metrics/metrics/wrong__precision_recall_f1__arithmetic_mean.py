"""F1 computed as the arithmetic mean (P + R) / 2 instead of the harmonic mean."""


def precision_recall_f1(y_true, y_pred):
    tn, fp, fn, tp = confusion_counts(y_true, y_pred)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = (precision + recall) / 2
    return float(precision), float(recall), float(f1)
