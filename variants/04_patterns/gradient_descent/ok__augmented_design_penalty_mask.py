"""Correct, written differently: the bias is folded into an augmented design
matrix [X, 1] with one parameter vector theta, the L2 penalty applied through a
mask that excludes the last (bias) entry; SGD walks the permutation with a
while loop and a moving offset and takes the batch gradient as err @ Z_batch."""
import numpy as np


def _check_xy(X, y):
    """Optional helper (not graded): the input check both optimisers need."""
    feats = np.array(X, dtype=float, copy=True)
    target = np.array(y, dtype=float, copy=True)
    if feats.ndim != 2:
        raise ValueError(f"X must be 2-D, got {feats.ndim}-D")
    if feats.shape[0] == 0:
        raise ValueError("X has no rows")
    if target.ndim != 1 or target.shape[0] != feats.shape[0]:
        raise ValueError("y must be 1-D with one value per row of X")
    return feats, target


def _design(X):
    """Append a column of ones so that the bias is the last parameter."""
    return np.hstack([X, np.ones((X.shape[0], 1))])


def linear_regression_gradient_descent(X, y, lr=0.01, epochs=1000, l2=0.0):
    """Full-batch gradient descent for (ridge) linear regression."""
    feats, target = _check_xy(X, y)
    if l2 < 0:
        raise ValueError("l2 must be non-negative")
    Z = _design(feats)
    n_rows, n_params = Z.shape
    # penalty only on the weights, never on the last (bias) parameter
    penalty_mask = np.ones(n_params)
    penalty_mask[-1] = 0.0
    theta = np.zeros(n_params)
    history = []
    for _ in range(int(epochs)):
        resid = Z @ theta - target
        w_part = theta * penalty_mask
        history.append(float(resid @ resid / n_rows + l2 * (w_part @ w_part)))
        grad = (2.0 / n_rows) * (Z.T @ resid) + 2.0 * l2 * w_part
        theta = theta - lr * grad
    return theta[:-1].copy(), float(theta[-1]), history


def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    """Mini-batch stochastic gradient descent for linear regression (MSE)."""
    feats, target = _check_xy(X, y)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    Z = _design(feats)
    n_rows = Z.shape[0]
    generator = np.random.default_rng(random_state)
    theta = np.zeros(Z.shape[1])
    history = []
    for _ in range(int(epochs)):
        perm = generator.permutation(n_rows)
        pos = 0
        while pos < n_rows:
            idx = perm[pos:pos + batch_size]
            pos += batch_size
            Zb = Z[idx]
            err = Zb @ theta - target[idx]
            theta = theta - lr * (2.0 / len(idx)) * (err @ Zb)
        full = Z @ theta - target
        history.append(float(np.mean(np.square(full))))
    return theta[:-1].copy(), float(theta[-1]), history
