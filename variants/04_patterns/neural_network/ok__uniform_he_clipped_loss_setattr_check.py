"""Correct, written differently: He initialisation from a uniform distribution (limit sqrt(6 / fan_in),
the same variance 2 / fan_in), forward values cached on the model, a clipped cross-entropy instead of
the logit form, and a gradient check that builds its own loss from model.forward and swaps whole
arrays with setattr instead of editing entries in place; sizes checked with np.issubdtype."""

class SimpleNeuralNetwork:
    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        if not all(np.issubdtype(type(size), np.integer) and size >= 1 for size in (input_size, hidden_size)):
            raise ValueError("sizes must be positive integers")
        if lr <= 0:
            raise ValueError("lr must be positive")
        self.lr = lr
        rng = np.random.default_rng(random_state)
        self.W1 = rng.uniform(-1.0, 1.0, size=(input_size, hidden_size)) * np.sqrt(6.0 / input_size)
        self.b1 = np.zeros(hidden_size)
        self.W2 = rng.uniform(-1.0, 1.0, size=(hidden_size, 1)) * np.sqrt(6.0 / hidden_size)
        self.b2 = np.zeros(1)

    def _check(self, X, y=None):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or len(X) == 0 or X.shape[1] != self.W1.shape[0]:
            raise ValueError("X has the wrong shape")
        if y is None:
            return X
        y = np.asarray(y, dtype=float)
        if y.shape not in ((len(X),), (len(X), 1)) or not np.isin(y, (0.0, 1.0)).all():
            raise ValueError("y must hold one 0/1 label per row")
        return X, y.reshape(-1, 1)

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


def _mean_bce(probabilities, y):
    p = np.clip(np.asarray(probabilities, dtype=float).reshape(-1), 1e-12, 1 - 1e-12)
    y = np.asarray(y, dtype=float).reshape(-1)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log1p(-p)))


def numerical_gradient(model, X, y, param, eps=1e-5):
    original = np.array(getattr(model, param), dtype=float)
    flat = original.ravel()
    grad = np.empty_like(flat)
    for j in range(flat.size):
        shifted = flat.copy()
        shifted[j] = flat[j] + eps
        setattr(model, param, shifted.reshape(original.shape))
        plus = _mean_bce(model.forward(X), y)
        shifted[j] = flat[j] - eps
        setattr(model, param, shifted.reshape(original.shape))
        minus = _mean_bce(model.forward(X), y)
        grad[j] = (plus - minus) / (2 * eps)
    setattr(model, param, original)
    return grad.reshape(original.shape)
