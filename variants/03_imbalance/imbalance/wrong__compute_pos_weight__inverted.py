"""pos_weight inverted: n_pos / n_neg (0.25 instead of 4), which makes the imbalance worse."""


def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = float(labels.sum())
    n_neg = float(labels.size) - n_pos
    return torch.tensor([n_pos / n_neg], dtype=torch.float32)
