"""A float64 tensor built straight from NumPy: the weighted loss then comes out float64."""


def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = labels.sum()
    n_neg = labels.size - n_pos
    return torch.from_numpy(np.array([n_neg / n_pos]))
