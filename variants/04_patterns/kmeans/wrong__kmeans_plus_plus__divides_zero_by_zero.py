"""No fallback when every D² is 0 (fewer distinct rows than k): the probabilities
become 0/0 = NaN and rng.choice fails."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n_samples = X.shape[0]
    if not 1 <= k <= n_samples:
        raise ValueError("k must be between 1 and n_samples")
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n_samples))]
    closest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        nxt = int(rng.choice(n_samples, p=closest / closest.sum()))
        chosen.append(nxt)
        closest = np.minimum(closest, ((X - X[nxt]) ** 2).sum(axis=1))
    return X[chosen].copy()
