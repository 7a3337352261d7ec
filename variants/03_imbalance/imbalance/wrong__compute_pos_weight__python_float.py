"""Returns a Python float instead of a tensor (BCEWithLogitsLoss rejects it as pos_weight)."""


def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = float(labels.sum())
    n_neg = float(labels.size) - n_pos
    return n_neg / n_pos
