"""A node with exactly min_samples rows is made a leaf (<= instead of <)."""


class SimpleDecisionTree(SimpleDecisionTree):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a non-empty 2-D array; got shape {X.shape}")
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError(f"y must be 1-D with one label per row of X; got {y.shape} for X {X.shape}")
        self.n_features_ = X.shape[1]
        self.classes_, codes = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)

        def grow(rows, depth):
            labels = codes[rows]
            counts = np.bincount(labels, minlength=n_classes)
            node = {"prediction": int(np.argmax(counts))}
            if depth >= self.max_depth or len(rows) <= self.min_samples or counts.max() == len(rows):
                return node
            feature, threshold, _ = best_split(X[rows], labels)
            if feature is None:
                return node
            goes_left = X[rows, feature] <= threshold
            node["feature"], node["threshold"] = feature, threshold
            node["left"] = grow(rows[goes_left], depth + 1)
            node["right"] = grow(rows[~goes_left], depth + 1)
            return node

        self.root_ = grow(np.arange(len(y)), 0)
        return self
