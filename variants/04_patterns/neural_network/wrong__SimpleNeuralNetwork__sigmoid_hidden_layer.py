"""The hidden layer uses the sigmoid activation (in _forward_pass) and its derivative
a1 * (1 - a1) (in gradients) instead of ReLU."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def _forward_pass(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != self.W1.shape[0]:
            raise ValueError(f"X must have shape (n_samples, {self.W1.shape[0]}); got {X.shape}")
        z1 = X @ self.W1 + self.b1
        a1 = 1 / (1 + np.exp(-z1))
        z2 = a1 @ self.W2 + self.b2
        return X, z1, a1, z2

    def gradients(self, X, y):
        X, z1, a1, z2 = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        n_samples = X.shape[0]
        e = np.exp(-np.abs(z2))
        p = np.where(z2 >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        delta2 = (p - y) / n_samples
        delta1 = (delta2 @ self.W2.T) * a1 * (1 - a1)
        return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
