"""Gini computed from raw class counts instead of proportions: 1 - sum(count**2)
is negative for any node with more than one row."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError("y must be 1-D")
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - np.sum(counts ** 2))
