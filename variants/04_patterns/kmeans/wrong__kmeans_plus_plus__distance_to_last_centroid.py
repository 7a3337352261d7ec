"""D² is measured to the most recently chosen centroid only, not to the nearest of
all centroids chosen so far, so points next to an earlier centroid stay likely."""


def kmeans_plus_plus(X, k, random_state=0):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n_samples = X.shape[0]
    if not 1 <= k <= n_samples:
        raise ValueError("k must be between 1 and n_samples")
    rng = np.random.default_rng(random_state)
    chosen = [int(rng.integers(n_samples))]
    for _ in range(1, k):
        sq = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        sq[chosen] = 0.0
        total = sq.sum()
        nxt = int(rng.choice(n_samples, p=sq / total)) if total > 0 else int(rng.integers(n_samples))
        chosen.append(nxt)
    return X[chosen].copy()
