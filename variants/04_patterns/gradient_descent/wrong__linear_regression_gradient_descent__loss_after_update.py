"""The loss is computed after the parameters were updated, so losses[0] is
not the objective at zero and the whole curve is shifted by one step."""
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
        dw = (2 / n_samples) * (X.T @ error) + 2 * l2 * weights
        db = (2 / n_samples) * np.sum(error)
        weights = weights - lr * dw
        bias = bias - lr * db
        new_error = X @ weights + bias - y
        losses.append(float(np.mean(new_error ** 2) + l2 * np.sum(weights ** 2)))
    return weights, float(bias), losses
