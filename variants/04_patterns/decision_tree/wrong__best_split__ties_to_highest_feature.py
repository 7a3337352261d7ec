"""Features are scanned from the last to the first with a strict comparison, so
an exact tie between features goes to the highest feature index."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-D array; got shape {X.shape}")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError(f"y must be 1-D with one label per row of X; got {y.shape} for X {X.shape}")
    n_samples, n_features = X.shape
    classes, class_index = np.unique(y, return_inverse=True)
    one_hot = np.eye(len(classes))[class_index]
    parent_gini = gini(y)
    n_left = np.arange(1, n_samples)[:, None]
    n_right = n_samples - n_left
    total_counts = one_hot.sum(axis=0)
    best_feature, best_threshold, best_gain = None, None, 0.0
    for feature in reversed(range(n_features)):
        order = np.argsort(X[:, feature], kind="stable")
        values = X[order, feature]
        left_counts = np.cumsum(one_hot[order], axis=0)[:-1]
        right_counts = total_counts - left_counts
        gini_left = 1.0 - np.sum((left_counts / n_left) ** 2, axis=1)
        gini_right = 1.0 - np.sum((right_counts / n_right) ** 2, axis=1)
        gains = parent_gini - (n_left[:, 0] * gini_left + n_right[:, 0] * gini_right) / n_samples
        gains[values[:-1] == values[1:]] = -np.inf
        if gains.size == 0:
            continue
        top = gains.max()
        if top > _TIE_TOLERANCE and (best_feature is None or top > best_gain + _TIE_TOLERANCE):
            position = int(np.flatnonzero(gains >= top - _TIE_TOLERANCE)[0])
            best_feature, best_threshold, best_gain = feature, float(values[position]), float(top)
    if best_feature is None:
        return None, None, 0.0
    return best_feature, best_threshold, best_gain
