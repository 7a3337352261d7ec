"""Correct, written in PyTorch (this is the PyTorch notebook): the input is turned into a
tensor of its own dtype (a float32 tensor stays float32), neighbours by torch.cdist and
torch.topk on distances with an infinite diagonal, all randomness from one
np.random.default_rng(random_state) as asked, and the result returned with .numpy(), a
float NumPy array (float32 for a float32 input)."""


def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    X = torch.as_tensor(X_minority).detach()
    if not torch.is_floating_point(X):
        X = X.double()
    if X.dim() != 2 or X.shape[0] < 2:
        raise ValueError("X_minority must be 2-D with at least two rows")
    if k_neighbors < 1:
        raise ValueError("k_neighbors must be >= 1")
    if n_new < 0:
        raise ValueError("n_new must be >= 0")
    n, k = X.shape[0], min(int(k_neighbors), X.shape[0] - 1)
    distances = torch.cdist(X, X)
    distances.fill_diagonal_(float("inf"))
    neighbours = torch.topk(distances, k, dim=1, largest=False).indices.numpy()
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, n, size=int(n_new))
    partner = neighbours[base, rng.integers(0, k, size=int(n_new))]
    lam = torch.as_tensor(rng.random((int(n_new), 1)), dtype=X.dtype)
    base_t, partner_t = torch.as_tensor(base), torch.as_tensor(partner)
    return (X[base_t] + lam * (X[partner_t] - X[base_t])).numpy()
