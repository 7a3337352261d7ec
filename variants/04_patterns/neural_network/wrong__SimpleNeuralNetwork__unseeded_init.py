"""Weights drawn from the global np.random state; random_state is ignored."""

class SimpleNeuralNetwork:
    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        if input_size < 1 or hidden_size < 1:
            raise ValueError("sizes must be positive")
        if lr <= 0:
            raise ValueError("lr must be positive")
        self.lr = lr
        rng = np.random
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / input_size), size=(input_size, hidden_size))
        self.b1 = np.zeros(hidden_size)
        self.W2 = rng.normal(0.0, np.sqrt(2.0 / hidden_size), size=(hidden_size, 1))
        self.b2 = np.zeros(1)

    def _check(self, X, y=None):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != self.W1.shape[0]:
            raise ValueError("X has the wrong shape")
        if y is None:
            return X
        y = np.asarray(y, dtype=float).reshape(-1, 1)
        if len(y) != len(X) or not np.isin(y, (0.0, 1.0)).all():
            raise ValueError("y must hold one 0/1 label per row")
        return X, y

    def forward(self, X):
        X = self._check(X)
        self.z1 = X @ self.W1 + self.b1
        self.a1 = np.maximum(0, self.z1)
        self.z2 = self.a1 @ self.W2 + self.b2
        self.a2 = 1 / (1 + np.exp(-np.clip(self.z2, -500, 500)))
        return self.a2

    def loss(self, X, y):
        X, y = self._check(X, y)
        p = np.clip(self.forward(X), 1e-12, 1 - 1e-12)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def gradients(self, X, y):
        X, y = self._check(X, y)
        n = X.shape[0]
        p = self.forward(X)
        dz2 = (p - y) / n
        dW2 = self.a1.T @ dz2
        db2 = dz2.sum(axis=0)
        da1 = dz2 @ self.W2.T
        dz1 = da1 * (self.z1 > 0)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def backward(self, X, y):
        grads = self.gradients(X, y)
        self.W1 = self.W1 - self.lr * grads["W1"]
        self.b1 = self.b1 - self.lr * grads["b1"]
        self.W2 = self.W2 - self.lr * grads["W2"]
        self.b2 = self.b2 - self.lr * grads["b2"]

    def train(self, X, y, epochs):
        losses = []
        for _ in range(epochs):
            losses.append(self.loss(X, y))
            self.backward(X, y)
        return losses

    def predict(self, X):
        return (self.forward(X) >= 0.5).astype(int).ravel()
