"""D sampling instead of D² sampling: the next centroid is drawn with probability
proportional to the distance (not its square) to the nearest chosen centroid."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n_samples = X.shape[0]
    if not 1 <= k <= n_samples:
        raise ValueError("k must be between 1 and n_samples")
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n_samples))]
    closest = np.linalg.norm(X - X[chosen[0]], axis=1)
    for _ in range(1, k):
        total = closest.sum()
        if total > 0:
            nxt = int(rng.choice(n_samples, p=closest / total))
        else:
            nxt = int(rng.integers(n_samples))
        chosen.append(nxt)
        closest = np.minimum(closest, np.linalg.norm(X - X[nxt], axis=1))
    return X[chosen].copy()
