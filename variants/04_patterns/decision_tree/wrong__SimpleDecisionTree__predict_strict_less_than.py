"""fit splits with <= but predict routes with <, so a value equal to a
threshold goes the wrong way at prediction time."""


class SimpleDecisionTree(SimpleDecisionTree):
    def predict(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.n_features_:
            raise ValueError(f"X must have shape (n, {self.n_features_}); got {X.shape}")
        predictions = np.empty(len(X), dtype=int)

        def route(node, rows):
            if "feature" not in node:
                predictions[rows] = node["prediction"]
                return
            goes_left = X[rows, node["feature"]] < node["threshold"]
            route(node["left"], rows[goes_left])
            route(node["right"], rows[~goes_left])

        route(self.root_, np.arange(len(X)))
        return self.classes_[predictions]
