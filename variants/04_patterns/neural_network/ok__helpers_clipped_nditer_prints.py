"""Correct, written differently: fills in and uses the two optional helpers
(_forward_pass, _as_column), probabilities as exp(-logaddexp(0, -z)) and a
loss clipped into [1e-12, 1 - 1e-12] (one of the two ways the text allows),
train prints the loss every 100 steps, and the gradient check walks the
parameter with np.nditer(op_flags=["readwrite"]) and writes each saved
value back."""
import numpy as np


class SimpleNeuralNetwork:

    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        ok = lambda v: isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) and v > 0
        if not (ok(input_size) and ok(hidden_size)):
            raise ValueError("input_size and hidden_size must be positive integers")
        if not (isinstance(lr, (int, float, np.integer, np.floating)) and lr > 0):
            raise ValueError("lr must be > 0")
        self.lr = float(lr)
        rng = np.random.default_rng(random_state)
        self.W1 = rng.standard_normal((int(input_size), int(hidden_size))) * (2.0 / input_size) ** 0.5
        self.W2 = rng.standard_normal((int(hidden_size), 1)) * (2.0 / hidden_size) ** 0.5
        self.b1 = np.zeros(int(hidden_size))
        self.b2 = np.zeros(1)

    def _forward_pass(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or len(X) == 0 or X.shape[1] != self.W1.shape[0]:
            raise ValueError(f"X must be (n >= 1, {self.W1.shape[0]}), got {X.shape}")
        z1 = X @ self.W1 + self.b1
        a1 = np.where(z1 > 0, z1, 0.0)
        return X, z1, a1, a1 @ self.W2 + self.b2

    def _as_column(self, y, n_samples):
        y = np.asarray(y, dtype=float)
        if y.shape == (n_samples,):
            y = y[:, None]
        if y.shape != (n_samples, 1):
            raise ValueError(f"labels must have shape ({n_samples},) or ({n_samples}, 1)")
        if np.any((y != 0) & (y != 1)):
            raise ValueError("labels must be 0 or 1")
        return y

    def forward(self, X):
        return np.exp(-np.logaddexp(0.0, -self._forward_pass(X)[3]))

    def loss(self, X, y):
        X, _, _, z2 = self._forward_pass(X)
        y = self._as_column(y, len(X))
        p = np.clip(np.exp(-np.logaddexp(0.0, -z2)), 1e-12, 1 - 1e-12)
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))

    def gradients(self, X, y):
        X, z1, a1, z2 = self._forward_pass(X)
        y = self._as_column(y, len(X))
        delta2 = (np.exp(-np.logaddexp(0.0, -z2)) - y) / len(X)
        delta1 = (delta2 @ self.W2.T) * (z1 > 0)
        return dict(W1=X.T @ delta1, b1=delta1.sum(0), W2=a1.T @ delta2, b2=delta2.sum(0))

    def backward(self, X, y):
        g = self.gradients(X, y)
        self.W1 = self.W1 - self.lr * g["W1"]
        self.b1 = self.b1 - self.lr * g["b1"]
        self.W2 = self.W2 - self.lr * g["W2"]
        self.b2 = self.b2 - self.lr * g["b2"]

    def train(self, X, y, epochs):
        losses = []
        for epoch in range(epochs):
            losses.append(self.loss(X, y))
            if epoch % 100 == 0:
                print(f"epoch {epoch}: loss {losses[-1]:.4f}")
            self.backward(X, y)
        return losses

    def predict(self, X):
        return (self.forward(X)[:, 0] >= 0.5).astype(int)


def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    grad = np.zeros(theta.shape)
    with np.nditer(theta, flags=["multi_index"], op_flags=[["readwrite"]]) as it:
        for entry in it:
            saved = float(entry)
            entry[...] = saved + eps
            up = model.loss(X, y)
            entry[...] = saved - eps
            down = model.loss(X, y)
            entry[...] = saved
            grad[it.multi_index] = (up - down) / (2 * eps)
    return grad
