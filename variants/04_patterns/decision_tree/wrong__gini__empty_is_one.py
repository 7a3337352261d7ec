"""No special case for the empty array: the sum over no classes is 0, so the
impurity of an empty node comes out as 1.0 (maximally impure) instead of 0.0."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError("y must be 1-D")
    _, counts = np.unique(y, return_counts=True)
    proportions = counts / len(y)
    return float(1.0 - np.sum(proportions ** 2))
