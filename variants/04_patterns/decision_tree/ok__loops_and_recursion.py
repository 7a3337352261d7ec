"""Correct, written differently: Gini from a dictionary of counts, a
threshold-by-threshold best_split that counts the classes of each side with
a boolean mask and bincount (O(d n^2) per node: slow but right), and a tree
that recurses on sub-arrays and predicts one row at a time."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError("y must be 1-D")
    counts = {}
    for label in y.tolist():
        counts[label] = counts.get(label, 0) + 1
    n = len(y)
    return 1.0 - sum((c / n) ** 2 for c in counts.values()) if n else 0.0


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be 2-D with one label per row")
    n_samples, n_features = X.shape
    classes, codes = np.unique(y, return_inverse=True)
    total = np.bincount(codes, minlength=len(classes))
    parent = 1.0 - np.sum((total / n_samples) ** 2)
    scored = []                                       # (gain, feature, threshold) in scan order
    for feature in range(n_features):
        for threshold in np.unique(X[:, feature])[:-1]:
            left_counts = np.bincount(codes[X[:, feature] <= threshold], minlength=len(classes))
            right_counts = total - left_counts
            n_left, n_right = left_counts.sum(), right_counts.sum()
            gini_left = 1.0 - np.sum((left_counts / n_left) ** 2)
            gini_right = 1.0 - np.sum((right_counts / n_right) ** 2)
            gain = parent - (n_left * gini_left + n_right * gini_right) / n_samples
            scored.append((float(gain), feature, float(threshold)))
    best_gain = max((gain for gain, _, _ in scored), default=0.0)
    if best_gain <= 1e-12:
        return None, None, 0.0
    for gain, feature, threshold in scored:           # the first within 1e-12 of the best
        if gain >= best_gain - 1e-12:
            return feature, threshold, gain


class SimpleDecisionTree:
    def __init__(self, max_depth=10, min_samples=2):
        self.max_depth = max_depth
        self.min_samples = min_samples
        self.root = None

    def _leaf_value(self, y):
        values, counts = np.unique(y, return_counts=True)
        return values[np.argmax(counts)]

    def _build(self, X, y, depth):
        if depth >= self.max_depth or len(y) < self.min_samples or len(np.unique(y)) == 1:
            return {"value": self._leaf_value(y)}
        feature, threshold, gain = best_split(X, y)
        if feature is None:
            return {"value": self._leaf_value(y)}
        mask = X[:, feature] <= threshold
        return {"feature": feature, "threshold": threshold,
                "left": self._build(X[mask], y[mask], depth + 1),
                "right": self._build(X[~mask], y[~mask], depth + 1)}

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or y.ndim != 1 or len(y) != len(X):
            raise ValueError("X must be 2-D with one label per row")
        self.root = self._build(X, y, 0)
        return self

    def _predict_one(self, x):
        node = self.root
        while "value" not in node:
            node = node["left"] if x[node["feature"]] <= node["threshold"] else node["right"]
        return node["value"]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return np.array([self._predict_one(x) for x in X])

    def depth(self):
        def node_depth(node):
            if "value" in node:
                return 0
            return 1 + max(node_depth(node["left"]), node_depth(node["right"]))
        return node_depth(self.root)
