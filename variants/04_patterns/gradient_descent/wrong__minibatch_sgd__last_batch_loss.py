"""losses records the loss of the last mini-batch of each epoch (computed
before its update) instead of the full-data MSE at the end of the epoch."""
import numpy as np


def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or y.ndim != 1 or len(y) != len(X) or batch_size < 1:
        raise ValueError("invalid input")
    n_samples, n_features = X.shape
    rng = np.random.default_rng(random_state)
    weights = np.zeros(n_features)
    bias = 0.0
    losses = []
    for _ in range(epochs):
        order = rng.permutation(n_samples)
        for start in range(0, n_samples, batch_size):
            rows = order[start:start + batch_size]
            error = X[rows] @ weights + bias - y[rows]
            batch_loss = float(np.mean(error ** 2))
            weights = weights - lr * (2 / len(rows)) * (X[rows].T @ error)
            bias = bias - lr * (2 / len(rows)) * np.sum(error)
        losses.append(batch_loss)
    return weights, float(bias), losses
