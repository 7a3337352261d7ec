"""Sample weights proportional to the class frequency instead of its inverse: the sampler
draws even fewer positives than the data holds."""


def make_balanced_sampler(y):
    labels = as_labels(y).astype(int)
    class_share = np.bincount(labels, minlength=2) / len(labels)
    weights = class_share[labels]
    return WeightedRandomSampler(torch.as_tensor(weights, dtype=torch.double),
                                 num_samples=len(labels), replacement=True)
