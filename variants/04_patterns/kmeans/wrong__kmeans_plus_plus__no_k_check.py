"""No check that 1 <= k <= n_samples: k larger than the number of points silently
returns repeated rows (and k = 0 still returns one centroid)."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n_samples = X.shape[0]
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n_samples))]
    closest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = closest.sum()
        nxt = int(rng.choice(n_samples, p=closest / total)) if total > 0 else int(rng.integers(n_samples))
        chosen.append(nxt)
        closest = np.minimum(closest, ((X - X[nxt]) ** 2).sum(axis=1))
    return X[chosen].copy()
