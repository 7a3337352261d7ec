"""The split is evaluated with X < threshold (and every unique value is a
candidate), so the value equal to the threshold goes right and the returned
threshold is the next value up."""
import numpy as np


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be 2-D with one label per row")
    n_samples, n_features = X.shape
    parent = gini(y)
    best_feature, best_threshold, best_gain = None, None, 0.0
    for feature in range(n_features):
        for threshold in np.unique(X[:, feature]):
            left = X[:, feature] < threshold
            n_left = int(left.sum())
            if n_left == 0 or n_left == n_samples:
                continue
            weighted = (n_left * gini(y[left]) + (n_samples - n_left) * gini(y[~left])) / n_samples
            gain = parent - weighted
            if gain > best_gain + 1e-12:
                best_feature, best_threshold, best_gain = feature, float(threshold), float(gain)
    if best_feature is None:
        return None, None, 0.0
    return best_feature, best_threshold, best_gain
