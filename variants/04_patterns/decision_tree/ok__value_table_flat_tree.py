"""Correct, written differently: gini from np.unique(return_inverse) and
np.bincount; best_split builds, per feature, a (distinct value x class)
contingency table with np.add.at and takes a cumsum over the DISTINCT values
(no argsort of rows, no masking of equal neighbours), writes n*weighted Gini as
n_L - sum(L^2)/n_L + n_R - sum(R^2)/n_R, and applies the tie rule globally
(first candidate, in (feature, threshold) order, within 1e-12 of the overall
maximum). The tree is stored as flat node arrays grown with an explicit stack
(no recursion), and predict moves all rows down one level per pass."""
import numpy as np


def gini(y):
    """Gini impurity of a label array."""
    labels = np.asarray(y)
    if labels.ndim != 1:
        raise ValueError(f"y must be 1-D, got {labels.ndim}-D")
    total = labels.size
    if total == 0:
        return 0.0
    _, codes = np.unique(labels, return_inverse=True)
    shares = np.bincount(codes.ravel()) / total
    return float(1.0 - np.dot(shares, shares))


_TIE_TOLERANCE = 1e-12


def best_split(X, y):
    """The best single split of (X, y) by Gini gain."""
    data = np.asarray(X, dtype=float)
    if data.ndim != 2:
        raise ValueError("X must be 2-D")
    n_rows, n_cols = data.shape
    if n_rows == 0:
        raise ValueError("X has no rows")
    labels = np.asarray(y)
    if labels.ndim != 1 or labels.shape[0] != n_rows:
        raise ValueError("y must be 1-D with one label per row of X")
    _, codes = np.unique(labels, return_inverse=True)
    codes = codes.ravel()
    n_classes = int(codes.max()) + 1
    class_totals = np.bincount(codes, minlength=n_classes).astype(float)
    parent = 1.0 - float(np.sum((class_totals / n_rows) ** 2))

    candidate_gain, candidate_feature, candidate_threshold = [], [], []
    for col in range(n_cols):
        # group the rows by distinct value: a (n_values, n_classes) table of counts
        values, value_idx = np.unique(data[:, col], return_inverse=True)
        if values.size < 2:
            continue
        table = np.zeros((values.size, n_classes))
        np.add.at(table, (value_idx.ravel(), codes), 1.0)
        left = np.cumsum(table, axis=0)[:-1]          # threshold = values[:-1]
        right = class_totals - left
        n_left = left.sum(axis=1)
        n_right = n_rows - n_left
        # n_L * G_L = n_L - sum(c_L^2) / n_L, likewise for the right side
        weighted = (n_left - (left ** 2).sum(axis=1) / n_left
                    + n_right - (right ** 2).sum(axis=1) / n_right) / n_rows
        candidate_gain.append(parent - weighted)
        candidate_feature.append(np.full(values.size - 1, col))
        candidate_threshold.append(values[:-1])
    if not candidate_gain:
        return None, None, 0.0
    gains = np.concatenate(candidate_gain)
    top = gains.max()
    if top <= _TIE_TOLERANCE:
        return None, None, 0.0
    # candidates are in (feature, threshold) ascending order: first near-maximal wins
    pick = int(np.flatnonzero(gains >= top - _TIE_TOLERANCE)[0])
    return (int(np.concatenate(candidate_feature)[pick]),
            float(np.concatenate(candidate_threshold)[pick]),
            float(gains[pick]))


class SimpleDecisionTree:
    """A binary classification tree grown greedily with best_split (Gini).

    Args:
        max_depth: a node at this depth becomes a leaf (the root is at depth 0,
            so max_depth=0 gives a single leaf: the majority-class baseline).
        min_samples: a node with fewer samples than this becomes a leaf.
    """

    def __init__(self, max_depth=10, min_samples=2):
        self.max_depth = max_depth
        self.min_samples = min_samples

    def fit(self, X, y):
        """Grow the tree on (X, y) and return self (flat arrays of nodes, grown with a stack)."""
        data = np.asarray(X, dtype=float)
        if data.ndim != 2:
            raise ValueError("X must be 2-D")
        if data.shape[0] == 0:
            raise ValueError("X has no rows")
        labels = np.asarray(y)
        if labels.ndim != 1 or labels.shape[0] != data.shape[0]:
            raise ValueError("y must be 1-D with one label per row of X")
        self.classes_, codes = np.unique(labels, return_inverse=True)
        codes = codes.ravel()
        n_classes = len(self.classes_)
        feature, threshold, left, right, value = [], [], [], [], []
        deepest = 0

        def new_node(rows):
            feature.append(-1)
            threshold.append(0.0)
            left.append(-1)
            right.append(-1)
            value.append(int(np.argmax(np.bincount(codes[rows], minlength=n_classes))))
            return len(feature) - 1

        stack = [(new_node(np.arange(data.shape[0])), np.arange(data.shape[0]), 0)]
        while stack:
            node, rows, level = stack.pop()
            deepest = max(deepest, level)
            if level >= self.max_depth or rows.size < self.min_samples:
                continue
            node_codes = codes[rows]
            if np.all(node_codes == node_codes[0]):
                continue
            f, t, _ = best_split(data[rows], node_codes)
            if f is None:
                continue
            goes_left = data[rows, f] <= t
            feature[node], threshold[node] = f, t
            left[node] = new_node(rows[goes_left])
            right[node] = new_node(rows[~goes_left])
            stack.append((left[node], rows[goes_left], level + 1))
            stack.append((right[node], rows[~goes_left], level + 1))
        self.feature_ = np.array(feature)
        self.threshold_ = np.array(threshold, dtype=float)
        self.left_ = np.array(left)
        self.right_ = np.array(right)
        self.value_ = np.array(value)
        self.depth_ = deepest
        return self

    def predict(self, X):
        """Predicted labels (1-D array, one per row of X): all rows descend one level per pass."""
        data = np.asarray(X, dtype=float)
        if data.ndim != 2:
            raise ValueError("X must be 2-D")
        at = np.zeros(data.shape[0], dtype=int)
        while True:
            inner = self.left_[at] >= 0
            if not inner.any():
                break
            r = np.flatnonzero(inner)
            nodes = at[r]
            go_left = data[r, self.feature_[nodes]] <= self.threshold_[nodes]
            at[r] = np.where(go_left, self.left_[nodes], self.right_[nodes])
        return self.classes_[self.value_[at]]

    def depth(self):
        """Number of splits on the longest root-to-leaf path (a single leaf has depth 0),
        as scikit-learn's get_depth()."""
        return self.depth_
