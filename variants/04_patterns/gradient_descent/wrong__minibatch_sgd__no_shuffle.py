"""The rows are visited in their original order every epoch: random_state is
ignored and batches follow whatever order the file happens to have."""
import numpy as np


def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or y.ndim != 1 or len(y) != len(X) or batch_size < 1:
        raise ValueError("invalid input")
    n_samples, n_features = X.shape
    weights = np.zeros(n_features)
    bias = 0.0
    losses = []
    for _ in range(epochs):
        for start in range(0, n_samples, batch_size):
            X_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            error = X_batch @ weights + bias - y_batch
            weights = weights - lr * (2 / len(y_batch)) * (X_batch.T @ error)
            bias = bias - lr * (2 / len(y_batch)) * np.sum(error)
        losses.append(float(np.mean((X @ weights + bias - y) ** 2)))
    return weights, float(bias), losses
