"""A float64 tensor built straight from NumPy: not the float32 (the logits' dtype) the function
must return. (BCEWithLogitsLoss happens to accept it, but the dtype mix is the mistake.)"""


def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = labels.sum()
    n_neg = labels.size - n_pos
    return torch.from_numpy(np.array([n_neg / n_pos]))
