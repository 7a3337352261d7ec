"""Takes the k smallest distances without excluding the row itself: the row is its own first
neighbour, so some new rows are plain copies (and the k-th neighbour is never used)."""


def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    if isinstance(X_minority, torch.Tensor):
        X_minority = X_minority.detach().cpu().numpy()
    X = np.asarray(X_minority, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError(f"need a 2-D array with at least 2 minority rows, got shape {X.shape}")
    if k_neighbors < 1 or n_new < 0:
        raise ValueError("k_neighbors must be >= 1 and n_new >= 0")
    k = min(int(k_neighbors), X.shape[0] - 1)
    distances = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
    neighbours = np.argsort(distances, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, X.shape[0], size=int(n_new))
    partner = neighbours[base, rng.integers(0, k, size=int(n_new))]
    lam = rng.random((int(n_new), 1))
    return X[base] + lam * (X[partner] - X[base])
