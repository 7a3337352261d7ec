"""Entropy (in bits) is computed instead of Gini impurity."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError("y must be 1-D")
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    proportions = counts / len(y)
    return float(-np.sum(proportions * np.log2(proportions)))
