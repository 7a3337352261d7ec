"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: class counts by np.bincount and a cumulative sum of one-hot rows, the tie rules read off with np.nonzero."""
# learn4 - decision_tree.ipynb (04_patterns). No imports added: numpy as np comes from the notebook's imports cell.
import numpy as np

# answer cell: gini
def gini(y):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / y.size
    return float(1.0 - np.sum(p * p))


# answer cell: best_split
_TIE_TOLERANCE = 1e-12


def _checked_xy(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {X.shape}")
    if X.shape[0] == 0:
        raise ValueError("X has no rows")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError(f"y must be 1-D with {len(X)} labels, got shape {y.shape}")
    return X, y


def best_split(X, y):
    X, y = _checked_xy(X, y)
    n, d = X.shape
    if n < 2 or d == 0:
        return None, None, 0.0
    _, codes = np.unique(y, return_inverse=True)
    codes = codes.reshape(-1)
    onehot = np.eye(codes.max() + 1)[codes]                      # (n, k)
    total = onehot.sum(axis=0)                                    # (k,)
    parent = 1.0 - np.sum((total / n) ** 2)

    order = np.argsort(X, axis=0, kind="stable")                  # (n, d): sort every feature once
    X_sorted = np.take_along_axis(X, order, axis=0)
    left = np.cumsum(onehot[order], axis=0)[:-1]                  # (n-1, d, k): left counts for split after row i
    right = total - left
    n_left = np.arange(1, n, dtype=float)[:, None]                # (n-1, 1)
    n_right = n - n_left
    children = (n_left - np.sum(left ** 2, axis=2) / n_left
                + n_right - np.sum(right ** 2, axis=2) / n_right) / n
    gains = parent - children                                     # (n-1, d)
    gains[X_sorted[:-1] == X_sorted[1:]] = -np.inf                # equal values must stay together

    best = gains.max()
    if not best > _TIE_TOLERANCE:
        return None, None, 0.0
    rows, cols = np.nonzero(gains >= best - _TIE_TOLERANCE)
    feature = int(cols.min())
    i = int(rows[cols == feature].min())                          # sorted ascending: lowest threshold
    return feature, float(X_sorted[i, feature]), float(gains[i, feature])


# answer cell: simple_decision_tree
class SimpleDecisionTree:

    def __init__(self, max_depth=10, min_samples=2):
        self.max_depth = max_depth
        self.min_samples = min_samples

    def fit(self, X, y):
        X, y = _checked_xy(X, y)
        self.classes_, codes = np.unique(y, return_inverse=True)
        codes = codes.reshape(-1)
        self.n_features_ = X.shape[1]
        max_depth = np.inf if self.max_depth is None else self.max_depth

        def grow(rows, depth):
            counts = np.bincount(codes[rows], minlength=len(self.classes_))
            leaf = {"label": int(np.argmax(counts))}   # first maximum = lowest label
            if depth >= max_depth or len(rows) < self.min_samples or np.count_nonzero(counts) == 1:
                return leaf
            feature, threshold, _ = best_split(X[rows], codes[rows])
            if feature is None:
                return leaf
            goes_left = X[rows, feature] <= threshold
            leaf.update(feature=feature, threshold=threshold,
                        left=grow(rows[goes_left], depth + 1),
                        right=grow(rows[~goes_left], depth + 1))
            return leaf

        self.root_ = grow(np.arange(len(X)), 0)
        return self

    def predict(self, X):
        if not hasattr(self, "root_"):
            raise RuntimeError("call fit before predict")
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_:
            raise ValueError(f"X must be 2-D with {self.n_features_} features, got shape {X.shape}")
        out = np.empty(len(X), dtype=int)

        def route(node, rows):
            if "feature" not in node:
                out[rows] = node["label"]
                return
            goes_left = X[rows, node["feature"]] <= node["threshold"]
            route(node["left"], rows[goes_left])
            route(node["right"], rows[~goes_left])

        route(self.root_, np.arange(len(X)))
        return self.classes_[out]

    def depth(self):
        def walk(node):
            if "feature" not in node:
                return 0
            return 1 + max(walk(node["left"]), walk(node["right"]))
        return walk(self.root_)
