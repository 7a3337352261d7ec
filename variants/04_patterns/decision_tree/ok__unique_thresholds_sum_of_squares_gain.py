"""Correct, written differently: best_split takes the candidate thresholds from
np.unique of each column and the left class counts from np.searchsorted on each
class's sorted values (no one-hot matrix, no cumsum), and writes the gain in the
expanded form gain = (sum_k L_k^2 / n_L + sum_k R_k^2 / n_R - sum_k T_k^2 / n) / n,
algebraically the same number with other rounding; the 1e-12 tie rule decides.
The tree stores small node objects and predicts through a stack of (node, rows)."""


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("y must hold one label per row of X")
    n = len(y)
    classes = np.unique(y)
    total = np.array([np.sum(y == c) for c in classes], dtype=float)
    parent_term = np.sum(total ** 2) / n
    scored = []                                       # (feature, threshold, gain) in scan order
    for feature in range(X.shape[1]):
        column = X[:, feature]
        candidates = np.unique(column)[:-1]           # the largest value leaves nothing on the right
        if candidates.size == 0:
            continue
        left = np.stack([np.searchsorted(np.sort(column[y == c]), candidates, side="right")
                         for c in classes], axis=1).astype(float)
        right = total - left
        n_left, n_right = left.sum(axis=1), right.sum(axis=1)
        gains = (np.sum(left ** 2, axis=1) / n_left + np.sum(right ** 2, axis=1) / n_right
                 - parent_term) / n
        scored += [(int(feature), float(threshold), float(gain)) for threshold, gain in zip(candidates, gains)]
    top = max((gain for _, _, gain in scored), default=0.0)
    if top <= 1e-12:
        return None, None, 0.0
    return next(split for split in scored if split[2] >= top - 1e-12)


class _Node:
    def __init__(self, label, feature=None, threshold=None, left=None, right=None):
        self.label, self.feature, self.threshold, self.left, self.right = label, feature, threshold, left, right


class SimpleDecisionTree:
    def __init__(self, max_depth=10, min_samples=2):
        self.max_depth = max_depth
        self.min_samples = min_samples

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or len(X) == 0 or y.ndim != 1 or len(y) != len(X):
            raise ValueError("X must be non-empty 2-D with one label per row")
        self.n_features_ = X.shape[1]
        self.root_ = self._grow(X, y, 0)
        return self

    def _grow(self, X, y, depth):
        values, counts = np.unique(y, return_counts=True)
        node = _Node(values[np.argmax(counts)])
        if depth >= self.max_depth or len(y) < self.min_samples or len(values) == 1:
            return node
        feature, threshold, _ = best_split(X, y)
        if feature is None:
            return node
        mask = X[:, feature] <= threshold
        node.feature, node.threshold = feature, threshold
        node.left = self._grow(X[mask], y[mask], depth + 1)
        node.right = self._grow(X[~mask], y[~mask], depth + 1)
        return node

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_:
            raise ValueError("X has the wrong shape")
        out = np.empty(len(X), dtype=np.asarray([self.root_.label]).dtype)
        labels = [None] * len(X)
        stack = [(self.root_, np.arange(len(X)))]
        while stack:
            node, rows = stack.pop()
            if node.feature is None:
                for r in rows:
                    labels[r] = node.label
                continue
            goes_left = X[rows, node.feature] <= node.threshold
            stack.append((node.left, rows[goes_left]))
            stack.append((node.right, rows[~goes_left]))
        return np.array(labels) if len(X) else out

    def depth(self):
        def walk(node):
            return 0 if node.feature is None else 1 + max(walk(node.left), walk(node.right))
        return walk(self.root_)
