"""One weight per class instead of one per sample: the sampler only ever draws the indices 0
and 1."""


def make_balanced_sampler(y):
    labels = as_labels(y).astype(int)
    class_counts = np.bincount(labels, minlength=2)
    class_weights = 1.0 / class_counts
    return WeightedRandomSampler(torch.as_tensor(class_weights, dtype=torch.double),
                                 num_samples=len(labels), replacement=True)
