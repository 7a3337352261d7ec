"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: squared distances by np.einsum, each k-means++ draw by rng.choice with the squared distances as weights."""
# learn4 - kmeans.ipynb (04_patterns). No imports added: numpy as np comes from the notebook's imports cell.
import numpy as np

# answer cell: kmeans_plus_plus
def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    n = X.shape[0]
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be an integer, got {k!r}")
    if not 1 <= k <= n:
        raise ValueError(f"k must be between 1 and n_samples={n}, got {k}")
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        total = d2.sum()
        if total > 0:
            i = int(rng.choice(n, p=d2 / total))
        else:
            i = int(rng.integers(n))
        chosen.append(i)
        d2 = np.minimum(d2, np.sum((X - X[i]) ** 2, axis=1))
    return X[chosen].copy()


# answer cell: squared_distances (optional helper)
def _squared_distances(X, centroids):
    sq = (np.einsum("ij,ij->i", X, X)[:, None]
          - 2.0 * X @ centroids.T
          + np.einsum("ij,ij->i", centroids, centroids)[None, :])
    return np.maximum(sq, 0.0)


# answer cell: kmeans
def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.asarray(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)   # validates X and k
    n = X.shape[0]
    for _ in range(max_iters):
        d2 = _squared_distances(X, centroids)
        labels = d2.argmin(axis=1)
        own = d2[np.arange(n), labels]
        members = np.zeros((n, k))
        members[np.arange(n), labels] = 1.0
        counts = members.sum(axis=0)
        sums = members.T @ X
        new = centroids.copy()
        filled = counts > 0
        new[filled] = sums[filled] / counts[filled, None]
        empty = np.flatnonzero(~filled)
        if empty.size:
            worst = np.argsort(-own, kind="stable")   # largest distance first, lower row index on ties
            new[empty] = X[worst[:empty.size]]
        shift = np.sqrt(np.sum((new - centroids) ** 2, axis=1)).max()
        centroids = new
        if shift <= tol:
            break
    d2 = _squared_distances(X, centroids)
    labels = d2.argmin(axis=1)
    inertia = float(d2[np.arange(n), labels].sum())
    return centroids, labels, inertia
