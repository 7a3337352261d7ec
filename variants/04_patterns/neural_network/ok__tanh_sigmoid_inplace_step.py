"""Correct, written differently: sigmoid as 0.5 * (1 + tanh(z / 2)) (exact 0.5
at z = 0, no overflow), the loss as max(z, 0) + log1p(exp(-|z|)) - y z, the
gradients with np.einsum, one shared forward pass for the loss and the
gradients inside train, weights drawn with rng.normal(0, std) and updated in
place (param[...] -= lr * grad), strict type checks on the sizes, lr and epochs;
numerical_gradient walks the entries through ndarray.flat and restores the
whole array with np.copyto in a finally block."""
import numbers

import numpy as np




class SimpleNeuralNetwork:
    """Two-layer network for binary classification: ReLU hidden layer, sigmoid output.

    Parameters (attributes, float NumPy arrays):
        W1: (input_size, hidden_size)    b1: (hidden_size,)
        W2: (hidden_size, 1)             b2: (1,)
    Labels y may have shape (n,) or (n, 1) and must hold only 0 and 1.
    """

    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        for label, size in (("input_size", input_size), ("hidden_size", hidden_size)):
            if isinstance(size, bool) or not isinstance(size, numbers.Integral) or size < 1:
                raise ValueError(f"{label} must be a positive integer, got {size!r}")
        if isinstance(lr, bool) or not isinstance(lr, numbers.Real) or not lr > 0:
            raise ValueError(f"lr must be a positive number, got {lr!r}")
        self.input_size, self.hidden_size, self.lr = int(input_size), int(hidden_size), float(lr)
        generator = np.random.default_rng(random_state)
        self.W1 = generator.normal(0.0, (2.0 / self.input_size) ** 0.5, size=(self.input_size, self.hidden_size))
        self.W2 = generator.normal(0.0, (2.0 / self.hidden_size) ** 0.5, size=(self.hidden_size, 1))
        self.b1 = np.zeros(self.hidden_size)
        self.b2 = np.zeros(1)

    def _forward_pass(self, X):
        batch = np.asarray(X, dtype=float)
        if batch.ndim != 2 or batch.shape[0] < 1 or batch.shape[1] != self.W1.shape[0]:
            raise ValueError(f"X must have shape (n >= 1, {self.W1.shape[0]}), got {batch.shape}")
        z1 = batch @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ self.W2 + self.b2
        return batch, z1, a1, z2

    def _as_column(self, y, n_samples):
        labels = np.asarray(y)
        if labels.ndim == 2 and labels.shape[1] == 1:
            labels = labels[:, 0]
        if labels.ndim != 1 or labels.shape[0] != n_samples:
            raise ValueError(f"expected {n_samples} labels of shape (n,) or (n, 1), got shape {np.shape(y)}")
        if not np.isin(labels, (0, 1)).all():
            raise ValueError("labels must be 0 or 1")
        return labels.astype(float)[:, None]

    @staticmethod
    def _sigmoid(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    @staticmethod
    def _bce_from_logits(z, target):
        # log(1 + e^z) - y z, written without overflow
        return float(np.mean(np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z))) - target * z))

    def forward(self, X):
        return self._sigmoid(self._forward_pass(X)[3])

    def loss(self, X, y):
        _, _, _, z2 = self._forward_pass(X)
        return self._bce_from_logits(z2, self._as_column(y, z2.shape[0]))

    def _loss_and_gradients(self, X, y):
        batch, z1, a1, z2 = self._forward_pass(X)
        target = self._as_column(y, batch.shape[0])
        err_out = (self._sigmoid(z2) - target) / batch.shape[0]
        err_hidden = (err_out @ self.W2.T) * (z1 > 0)
        grads = {
            "W1": np.einsum("ni,nh->ih", batch, err_hidden),
            "b1": err_hidden.sum(axis=0),
            "W2": np.einsum("nh,no->ho", a1, err_out),
            "b2": err_out.sum(axis=0),
        }
        return self._bce_from_logits(z2, target), grads

    def gradients(self, X, y):
        return self._loss_and_gradients(X, y)[1]

    def _step(self, grads):
        for name, grad in grads.items():
            getattr(self, name)[...] -= self.lr * grad

    def backward(self, X, y):
        self._step(self.gradients(X, y))

    def train(self, X, y, epochs):
        if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral) or epochs < 0:
            raise ValueError(f"epochs must be a non-negative integer, got {epochs!r}")
        history = []
        for _ in range(int(epochs)):
            current, grads = self._loss_and_gradients(X, y)
            history.append(current)
            self._step(grads)
        return history

    def predict(self, X):
        return np.where(self.forward(X)[:, 0] >= 0.5, 1, 0)


def numerical_gradient(model, X, y, param, eps=1e-5):
    """Central-difference gradient of model.loss(X, y) with respect to model.<param>.

    Returns:
        float array with the shape of model.<param>; the parameter is left exactly as it was.
    """
    theta = getattr(model, param)
    saved = np.array(theta, dtype=float, copy=True)
    estimate = np.zeros(saved.shape, dtype=float)
    try:
        for flat_index in range(saved.size):
            original = saved.flat[flat_index]
            theta.flat[flat_index] = original + eps
            upper = model.loss(X, y)
            theta.flat[flat_index] = original - eps
            lower = model.loss(X, y)
            theta.flat[flat_index] = original
            estimate.flat[flat_index] = (upper - lower) / (2 * eps)
    finally:
        np.copyto(theta, saved)
    return estimate
