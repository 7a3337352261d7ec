"""replacement=False: each index is drawn exactly once per epoch, so the epoch keeps the 80/20
shares (only in another order: positives first)."""


def make_balanced_sampler(y):
    labels = as_labels(y).astype(int)
    class_counts = np.bincount(labels, minlength=2)
    weights = 1.0 / class_counts[labels]
    return WeightedRandomSampler(torch.as_tensor(weights, dtype=torch.double),
                                 num_samples=len(labels), replacement=False)
