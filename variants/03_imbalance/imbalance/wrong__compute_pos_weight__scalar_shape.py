"""A 0-dimensional tensor (shape ()) instead of shape (1,), one weight per output unit."""


def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = float(labels.sum())
    n_neg = float(labels.size) - n_pos
    return torch.tensor(n_neg / n_pos, dtype=torch.float32)
