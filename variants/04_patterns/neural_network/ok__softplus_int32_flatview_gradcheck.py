"""Correct, written differently: He weights drawn with rng.normal(0, std,
size) (the same stream as standard_normal * std), the loss as the softplus
form max(z, 0) - y z + log1p(exp(-|z|)), labels accepted as bools, ints or
floats equal to 0/1 (any shape (n,) or (n, 1)), gradients with einsum,
backward through gradients(), predict as int32 from np.where; the gradient
check walks a flat view of the parameter (reshape(-1) of a contiguous
array) and restores it with np.copyto in a finally block."""
import numpy as np


class SimpleNeuralNetwork:

    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        for name, value in (("input_size", input_size), ("hidden_size", hidden_size)):
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value <= 0:
                raise ValueError(f"{name} should be a positive integer; got {value!r}")
        if not lr > 0:
            raise ValueError(f"lr should be positive; got {lr!r}")
        self.input_size, self.hidden_size, self.lr = int(input_size), int(hidden_size), lr
        rng = np.random.default_rng(random_state)
        self.W1 = rng.normal(0.0, np.sqrt(2.0 / self.input_size), size=(self.input_size, self.hidden_size))
        self.b1 = np.zeros(self.hidden_size)
        self.W2 = rng.normal(0.0, np.sqrt(2.0 / self.hidden_size), size=(self.hidden_size, 1))
        self.b2 = np.zeros(1)

    def _X(self, X):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] != self.W1.shape[0]:
            raise ValueError(f"X must have shape (n >= 1, {self.W1.shape[0]}); got {X.shape}")
        return X

    def _y(self, y, n):
        y = np.asarray(y)
        if y.shape not in ((n,), (n, 1)):
            raise ValueError(f"y must have shape ({n},) or ({n}, 1); got {y.shape}")
        y = y.reshape(n, 1).astype(float)
        if not np.all((y == 0) | (y == 1)):
            raise ValueError("labels must be 0 or 1")
        return y

    def _logits(self, X):
        z1 = X @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        return z1, a1, a1 @ self.W2 + self.b2

    def forward(self, X):
        z2 = self._logits(self._X(X))[2]
        return np.where(z2 >= 0, 1.0 / (1.0 + np.exp(-np.abs(z2))), np.exp(-np.abs(z2)) / (1.0 + np.exp(-np.abs(z2))))

    def loss(self, X, y):
        X = self._X(X)
        y = self._y(y, X.shape[0])
        z = self._logits(X)[2]
        return float(np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))))

    def gradients(self, X, y):
        X = self._X(X)
        y = self._y(y, X.shape[0])
        z1, a1, z2 = self._logits(X)
        p = 1.0 / (1.0 + np.exp(-z2))
        d2 = (p - y) / X.shape[0]
        d1 = np.einsum("nk,hk->nh", d2, self.W2) * (z1 > 0)
        return {"W1": np.einsum("ni,nh->ih", X, d1), "b1": d1.sum(axis=0),
                "W2": np.einsum("nh,nk->hk", a1, d2), "b2": d2.sum(axis=0)}

    def backward(self, X, y):
        grads = self.gradients(X, y)
        for name in ("W1", "b1", "W2", "b2"):
            setattr(self, name, getattr(self, name) - self.lr * grads[name])

    def train(self, X, y, epochs):
        history = []
        for _ in range(epochs):
            history.append(self.loss(X, y))
            self.backward(X, y)
        return history

    def predict(self, X):
        return np.where(self.forward(X).ravel() >= 0.5, 1, 0).astype(np.int32)


def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    saved = theta.copy()
    flat = theta.reshape(-1)
    grad = np.zeros(flat.shape, dtype=float)
    try:
        for i in range(flat.size):
            flat[i] = saved.flat[i] + eps
            up = model.loss(X, y)
            flat[i] = saved.flat[i] - eps
            down = model.loss(X, y)
            flat[i] = saved.flat[i]
            grad[i] = (up - down) / (2.0 * eps)
    finally:
        np.copyto(theta, saved)
    return grad.reshape(theta.shape)
