"""The gradient sums over the rows instead of averaging (the 1/n is
missing), so each step is n times too large for the objective it reports."""
import numpy as np


def linear_regression_gradient_descent(X, y, lr=0.01, epochs=1000, l2=0.0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or y.ndim != 1 or len(y) != len(X) or l2 < 0:
        raise ValueError("invalid input")
    n_samples, n_features = X.shape
    weights = np.zeros(n_features)
    bias = 0.0
    losses = []
    for _ in range(epochs):
        error = X @ weights + bias - y
        losses.append(float(np.mean(error ** 2) + l2 * np.sum(weights ** 2)))
        dw = 2 * (X.T @ error) + 2 * l2 * weights
        db = 2 * np.sum(error)
        weights = weights - lr * dw
        bias = bias - lr * db
    return weights, float(bias), losses
