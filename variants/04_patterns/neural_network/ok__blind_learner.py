"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: a log-loss from np.logaddexp, input checks of its own on integer and boolean dtypes."""
# imports: none added (the notebook's imports cell provides numpy as np)

# answer cell: SimpleNeuralNetwork
class SimpleNeuralNetwork:

    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        for name, size in (("input_size", input_size), ("hidden_size", hidden_size)):
            if isinstance(size, (bool, np.bool_)) or not isinstance(size, (int, np.integer)) or size < 1:
                raise ValueError(f"{name} must be a positive integer, got {size!r}")
        if isinstance(lr, (bool, np.bool_)) or not isinstance(lr, (int, float, np.integer, np.floating)) \
                or not np.isfinite(lr) or lr <= 0:
            raise ValueError(f"lr must be a positive number, got {lr!r}")
        self.input_size, self.hidden_size, self.lr = int(input_size), int(hidden_size), float(lr)
        rng = np.random.default_rng(random_state)
        self.W1 = rng.standard_normal((self.input_size, self.hidden_size)) * np.sqrt(2.0 / self.input_size)
        self.W2 = rng.standard_normal((self.hidden_size, 1)) * np.sqrt(2.0 / self.hidden_size)
        self.b1 = np.zeros(self.hidden_size)
        self.b2 = np.zeros(1)

    def _forward_pass(self, X):
        X = np.asarray(X, dtype=float)
        n_inputs = np.shape(self.W1)[0]
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] != n_inputs:
            raise ValueError(f"X must have shape (n >= 1, {n_inputs}), got {X.shape}")
        z1 = X @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ self.W2 + self.b2
        return X, z1, a1, z2

    def _as_column(self, y, n_samples):
        y = np.asarray(y)
        if y.shape not in ((n_samples,), (n_samples, 1)):
            raise ValueError(f"y must have shape ({n_samples},) or ({n_samples}, 1), got {y.shape}")
        if not np.isin(y, (0, 1)).all():
            raise ValueError("labels must be 0 or 1")
        return y.astype(float).reshape(n_samples, 1)

    def forward(self, X):
        z2 = self._forward_pass(X)[3]
        return np.exp(-np.logaddexp(0.0, -z2))  # sigmoid, without overflow

    def _loss_and_gradients(self, X, y):
        X, z1, a1, z2 = self._forward_pass(X)
        n = X.shape[0]
        y = self._as_column(y, n)
        loss = float(np.mean(np.logaddexp(0.0, z2) - y * z2))
        p = np.exp(-np.logaddexp(0.0, -z2))
        delta2 = (p - y) / n
        delta1 = (delta2 @ self.W2.T) * (z1 > 0)
        grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                 "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
        return loss, grads

    def loss(self, X, y):
        X, _, _, z2 = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        return float(np.mean(np.logaddexp(0.0, z2) - y * z2))

    def gradients(self, X, y):
        return self._loss_and_gradients(X, y)[1]

    def _step(self, grads):
        for name in ("W1", "b1", "W2", "b2"):
            setattr(self, name, getattr(self, name) - self.lr * grads[name])

    def backward(self, X, y):
        self._step(self.gradients(X, y))

    def train(self, X, y, epochs):
        if isinstance(epochs, (bool, np.bool_)) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
            raise ValueError(f"epochs must be a non-negative integer, got {epochs!r}")
        losses = []
        for _ in range(int(epochs)):
            loss, grads = self._loss_and_gradients(X, y)
            losses.append(loss)
            self._step(grads)
        return losses

    def predict(self, X):
        return (self.forward(X)[:, 0] >= 0.5).astype(int)


# answer cell: numerical_gradient
def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    original = theta.copy()
    grad = np.zeros(theta.shape, dtype=float)
    try:
        for idx in np.ndindex(theta.shape):
            theta[idx] = original[idx] + eps
            loss_plus = model.loss(X, y)
            theta[idx] = original[idx] - eps
            loss_minus = model.loss(X, y)
            theta[idx] = original[idx]
            grad[idx] = (loss_plus - loss_minus) / (2 * eps)
    finally:
        theta[...] = original
    return grad
