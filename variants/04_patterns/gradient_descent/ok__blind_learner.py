"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: plain NumPy loops over epochs and batches."""
# learn4 - gradient_descent.ipynb (04_patterns). No imports added: numpy as np comes from the notebook's imports cell.
import numpy as np

# answer cell: check_xy (optional helper)
def _check_xy(X, y):
    X = np.array(X, dtype=float)  # np.array copies: the caller's data is never touched
    y = np.array(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got ndim={X.ndim}")
    if X.shape[0] == 0:
        raise ValueError("X has no rows")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with one value per row of X ({X.shape[0]}), got shape {y.shape}")
    return X, y


# answer cell: linear_regression_gradient_descent
def linear_regression_gradient_descent(X, y, lr=0.01, epochs=1000, l2=0.0):
    X, y = _check_xy(X, y)
    if l2 < 0:
        raise ValueError(f"l2 must be >= 0, got {l2}")
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(epochs):
        r = X @ w + b - y
        losses.append(float(r @ r / n + l2 * (w @ w)))
        grad_w = (2.0 / n) * (X.T @ r) + 2.0 * l2 * w
        grad_b = 2.0 * r.mean()
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b), losses


# answer cell: minibatch_sgd
def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    X, y = _check_xy(X, y)
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    n, d = X.shape
    rng = np.random.default_rng(random_state)
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            Xb, yb = X[idx], y[idx]
            r = Xb @ w + b - yb
            w = w - lr * (2.0 / len(idx)) * (Xb.T @ r)
            b = b - lr * 2.0 * r.mean()
        full = X @ w + b - y
        losses.append(float(np.mean(full ** 2)))
    return w, float(b), losses
