"""Vectorised with prefix counts over the sorted rows, but every position of
the sorted order is a candidate, including positions between two equal
values: the gain reported is for a partition that X <= threshold cannot
produce (equal values must stay on the same side)."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be 2-D with one label per row")
    n_samples, n_features = X.shape
    classes, codes = np.unique(y, return_inverse=True)
    one_hot = np.eye(len(classes))[codes]
    parent = gini(y)
    n_left = np.arange(1, n_samples)[:, None]
    best = (None, None, 0.0)
    for feature in range(n_features):
        order = np.argsort(X[:, feature], kind="stable")
        left_counts = np.cumsum(one_hot[order], axis=0)[:-1]
        right_counts = one_hot.sum(axis=0) - left_counts
        gini_left = 1 - np.sum((left_counts / n_left) ** 2, axis=1)
        gini_right = 1 - np.sum((right_counts / (n_samples - n_left)) ** 2, axis=1)
        gains = parent - (n_left[:, 0] * gini_left + (n_samples - n_left[:, 0]) * gini_right) / n_samples
        if gains.size and gains.max() > best[2] + 1e-12:
            position = int(np.argmax(gains))
            best = (feature, float(X[order[position], feature]), float(gains[position]))
    return best
