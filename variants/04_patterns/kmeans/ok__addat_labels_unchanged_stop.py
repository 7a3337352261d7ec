"""Correct, written differently: kmeans_plus_plus with rng.integers for the
first row and rng.choice(n, p=...) after, k checked with numbers.Integral;
kmeans sums the clusters with np.add.at, re-seeds an empty cluster at a row
drawn from its own generator (np.random.default_rng(random_state), allowed:
any sensible rule that never leaves a NaN), and also stops when an
assignment equals the previous one (the next update could move nothing);
distances by the expansion clipped at 0 via a module-level helper; labels
returned as np.intp, inertia as a Python float."""
import numbers

import numpy as np


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("X must be non-empty and 2-D")
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral):
        raise ValueError("k must be an integer")
    if k < 1 or k > len(X):
        raise ValueError("k must satisfy 1 <= k <= n_samples")
    rng = np.random.default_rng(random_state)
    n = len(X)
    idx = [int(rng.integers(n))]
    closest = np.sum((X - X[idx[0]]) ** 2, axis=1)
    for _ in range(1, k):
        s = closest.sum()
        nxt = int(rng.choice(n, p=closest / s)) if s > 0 else int(rng.integers(n))
        idx.append(nxt)
        closest = np.minimum(closest, np.sum((X - X[nxt]) ** 2, axis=1))
    return X[idx].copy()


def _squared_distances(X, centroids):
    d = (X ** 2).sum(1)[:, None] - 2.0 * X @ centroids.T + (centroids ** 2).sum(1)[None, :]
    return np.maximum(d, 0.0)


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    C = kmeans_plus_plus(X, k, random_state)
    reseed = np.random.default_rng(random_state)
    n, d = X.shape
    previous = None
    for _ in range(max_iters):
        labels = _squared_distances(X, C).argmin(axis=1)
        if previous is not None and np.array_equal(labels, previous):
            break
        sums = np.zeros((k, d))
        np.add.at(sums, labels, X)
        counts = np.bincount(labels, minlength=k)
        new = np.empty_like(C)
        for j in range(k):
            new[j] = sums[j] / counts[j] if counts[j] > 0 else X[reseed.integers(n)]
        shift = np.sqrt(((new - C) ** 2).sum(axis=1)).max()
        C, previous = new, labels
        if shift <= tol:
            break
    D = _squared_distances(X, C)
    labels = D.argmin(axis=1).astype(np.intp)
    return C, labels, float(D[np.arange(n), labels].sum())
