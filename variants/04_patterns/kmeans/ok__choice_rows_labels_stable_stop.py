"""Correct, written differently: k validated with operator.index (plus an
explicit bool check), the k-means++ draws made with rng.choice over the rows
themselves (axis=0, with p), the distances by broadcasting; kmeans keeps an
int32 label array, stops as soon as an update moved no centroid by more
than tol (np.linalg.norm along the rows), re-seeds empty clusters with the
worst-explained rows, and after the loop assigns once more; the inertia is a
NumPy float64."""
import operator

import numpy as np


def _check_k(X, k):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    if isinstance(k, (bool, np.bool_)):
        raise ValueError("k must be an integer, not a bool")
    try:
        k = operator.index(k)
    except TypeError:
        raise ValueError(f"k must be an integer, got {k!r}") from None
    if not 1 <= k <= X.shape[0]:
        raise ValueError(f"k={k} is outside 1..{X.shape[0]}")
    return X, k


def _sq(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def kmeans_plus_plus(X, k, random_state=0):
    X, k = _check_k(X, k)
    rng = np.random.default_rng(random_state)
    n = X.shape[0]
    chosen = [rng.choice(X, axis=0)]
    d2 = ((X - chosen[0]) ** 2).sum(axis=1)
    while len(chosen) < k:
        total = d2.sum()
        if total > 0:
            row = rng.choice(X, axis=0, p=d2 / total)
        else:
            row = rng.choice(X, axis=0)
        chosen.append(row)
        d2 = np.minimum(d2, ((X - row) ** 2).sum(axis=1))
    return np.array(chosen, dtype=float)


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X, k = _check_k(X, k)
    centroids = kmeans_plus_plus(X, k, random_state)
    for _ in range(max_iters):
        d = _sq(X, centroids)
        labels = d.argmin(axis=1).astype(np.int32)
        own = d[np.arange(len(X)), labels]
        new = centroids.copy()
        empty = []
        for j in range(k):
            members = labels == j
            if members.any():
                new[j] = X[members].mean(axis=0)
            else:
                empty.append(j)
        if empty:
            worst = np.argsort(-own, kind="stable")
            for j, i in zip(empty, worst):
                new[j] = X[i]
        moved = np.linalg.norm(new - centroids, axis=1)
        centroids = new
        if not np.any(moved > tol):
            break
    d = _sq(X, centroids)
    labels = d.argmin(axis=1).astype(np.int32)
    return centroids, labels, d[np.arange(len(X)), labels].sum()
