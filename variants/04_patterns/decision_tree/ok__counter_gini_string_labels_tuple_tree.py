"""Correct, written differently: gini with collections.Counter in plain
Python (returns a float for any hashable labels, bools and strings too);
best_split encodes the labels with np.unique(return_inverse=True), so string
labels work, builds every candidate's gain with prefix sums, collects all
(feature, threshold, gain) candidates in a list and applies the stated tie
rule (highest gain, then the first within 1e-12 of it, lowest feature then
lowest threshold); the tree is nested tuples, grown recursively with
helpers kept around, majority via Counter and min over the tied labels,
predict one row at a time; depth recorded while growing."""
import numpy as np
from collections import Counter


def gini(y):
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError("labels must be one-dimensional")
    n = arr.shape[0]
    if n == 0:
        return 0.0
    counts = Counter(arr.tolist())
    return 1.0 - sum((c / n) ** 2 for c in counts.values())


def _validate(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError("X should be 2-D")
    if X.shape[0] == 0:
        raise ValueError("X should have at least one row")
    if len(y) != X.shape[0]:
        raise ValueError("y should have one label per row")
    return X, y


def best_split(X, y):
    X, y = _validate(X, y)
    n, d = X.shape
    _, codes = np.unique(y, return_inverse=True)
    codes = codes.ravel()
    k = codes.max() + 1
    onehot = np.eye(k)[codes]
    total = onehot.sum(axis=0)
    parent = 1.0 - np.sum((total / n) ** 2)
    candidates = []
    for f in range(d):
        order = np.argsort(X[:, f], kind="stable")
        xs = X[order, f]
        left = np.cumsum(onehot[order], axis=0)[:-1]
        right = total - left
        nl = np.arange(1, n, dtype=float)
        nr = n - nl
        gl = 1.0 - np.sum((left / nl[:, None]) ** 2, axis=1)
        gr = 1.0 - np.sum((right / nr[:, None]) ** 2, axis=1)
        gains = parent - (nl * gl + nr * gr) / n
        for i in range(n - 1):
            if xs[i] != xs[i + 1]:
                candidates.append((f, float(xs[i]), float(gains[i])))
    if not candidates:
        return None, None, 0.0
    best = max(g for _, _, g in candidates)
    if best <= 1e-12:
        return None, None, 0.0
    tied = [c for c in candidates if c[2] >= best - 1e-12]
    f, t, g = min(tied, key=lambda c: (c[0], c[1]))
    return int(f), t, g


def _majority(labels):
    counts = Counter(labels.tolist())
    top = max(counts.values())
    return min(label for label, c in counts.items() if c == top)


class SimpleDecisionTree:

    def __init__(self, max_depth=10, min_samples=2):
        self.max_depth = max_depth
        self.min_samples = min_samples

    def _grow(self, X, y, level):
        self._deepest = max(self._deepest, level)
        leaf = ("leaf", _majority(y))
        if level >= self.max_depth or len(y) < self.min_samples or len(set(y.tolist())) == 1:
            return leaf
        f, t, g = best_split(X, y)
        if f is None:
            return leaf
        go_left = X[:, f] <= t
        return ("split", f, t, self._grow(X[go_left], y[go_left], level + 1),
                self._grow(X[~go_left], y[~go_left], level + 1))

    def fit(self, X, y):
        X, y = _validate(X, y)
        self._deepest = 0
        self._root = self._grow(X, y, 0)
        return self

    def _one(self, row):
        node = self._root
        while node[0] == "split":
            node = node[3] if row[node[1]] <= node[2] else node[4]
        return node[1]

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        return np.array([self._one(row) for row in X])

    def depth(self):
        return self._deepest
