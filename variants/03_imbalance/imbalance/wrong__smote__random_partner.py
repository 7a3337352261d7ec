"""Interpolates towards a random minority row instead of one of the k nearest neighbours."""


def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    if isinstance(X_minority, torch.Tensor):
        X_minority = X_minority.detach().cpu().numpy()
    X = np.asarray(X_minority, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError(f"need a 2-D array with at least 2 minority rows, got shape {X.shape}")
    if k_neighbors < 1 or n_new < 0:
        raise ValueError("k_neighbors must be >= 1 and n_new >= 0")
    rng = np.random.default_rng(random_state)
    n = X.shape[0]
    base = rng.integers(0, n, size=int(n_new))
    partner = (base + rng.integers(1, n, size=int(n_new))) % n     # any other row
    lam = rng.random((int(n_new), 1))
    return X[base] + lam * (X[partner] - X[base])
