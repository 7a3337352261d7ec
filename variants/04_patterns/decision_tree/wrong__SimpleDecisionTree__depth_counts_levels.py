"""depth() counts the levels (nodes on the longest path), so a single leaf has
depth 1 instead of 0 (scikit-learn's get_depth counts splits)."""
import numpy as np


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
                return 1
            return 1 + max(node_depth(node["left"]), node_depth(node["right"]))
        return node_depth(self.root)
