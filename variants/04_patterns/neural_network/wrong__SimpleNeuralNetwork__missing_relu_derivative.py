"""The error is passed back through W2 but not multiplied by the ReLU derivative (hidden layer treated as linear)."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def gradients(self, X, y):
        X, z1, a1, z2 = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        n_samples = X.shape[0]
        e = np.exp(-np.abs(z2))
        p = np.where(z2 >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        delta2 = (p - y) / n_samples
        delta1 = delta2 @ self.W2.T
        return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
