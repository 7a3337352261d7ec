"""Draws from the global np.random state and ignores random_state, so the
initialisation is not reproducible."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n_samples = X.shape[0]
    if not 1 <= k <= n_samples:
        raise ValueError("k must be between 1 and n_samples")
    chosen = [int(np.random.randint(n_samples))]
    closest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = closest.sum()
        nxt = int(np.random.choice(n_samples, p=closest / total)) if total > 0 else int(np.random.randint(n_samples))
        chosen.append(nxt)
        closest = np.minimum(closest, ((X - X[nxt]) ** 2).sum(axis=1))
    return X[chosen].copy()
