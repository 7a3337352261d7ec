"""Correct, written differently: full-batch gradients with einsum and
broadcasting instead of X.T @ residual; SGD accumulates each batch gradient
row by row in a Python loop, splits the epoch order with np.array_split, and
draws the order with rng.shuffle of a fresh index array, which gives exactly
what rng.permutation(n_samples) gives."""
import numpy as np


def _mse_loop(X, y, weights, bias):
    total = 0.0
    for row, target in zip(X, y):
        total += (float(np.dot(row, weights)) + bias - target) ** 2
    return total / len(y)


def linear_regression_gradient_descent(X, y, lr=0.01, epochs=1000, l2=0.0):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2:
        raise ValueError("X must be a 2-D array")
    if len(X) == 0:
        raise ValueError("X is empty")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("y needs exactly one target per row of X")
    if l2 < 0:
        raise ValueError("l2 must not be negative")
    n_samples, n_features = X.shape
    weights = np.zeros(n_features)
    bias = 0.0
    losses = []
    for _ in range(epochs):
        losses.append(float(np.mean((np.einsum("ij,j->i", X, weights) + bias - y) ** 2))
                      + l2 * float(np.sum(weights * weights)))
        residual = np.einsum("ij,j->i", X, weights) + bias - y
        grad_w = 2.0 * np.mean(residual[:, None] * X, axis=0)
        grad_b = 2.0 * float(np.mean(residual))
        grad_w += 2.0 * l2 * weights
        weights = weights - lr * grad_w
        bias = bias - lr * grad_b
    return weights, bias, losses


def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if y.ndim != 1 or len(y) != len(X):
        raise ValueError("y needs exactly one target per row of X")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    rng = np.random.default_rng(random_state)
    n_samples, n_features = X.shape
    weights = np.zeros(n_features)
    bias = 0.0
    losses = []
    for _ in range(epochs):
        order = np.arange(n_samples)
        rng.shuffle(order)
        batches = np.array_split(order, range(batch_size, n_samples, batch_size))
        for rows in batches:
            grad_w = np.zeros(n_features)
            grad_b = 0.0
            for i in rows:
                residual = float(np.dot(X[i], weights)) + bias - y[i]
                grad_w += 2.0 * residual * X[i] / len(rows)
                grad_b += 2.0 * residual / len(rows)
            weights = weights - lr * grad_w
            bias = bias - lr * grad_b
        losses.append(_mse_loop(X, y, weights, bias))
    return weights, bias, losses
