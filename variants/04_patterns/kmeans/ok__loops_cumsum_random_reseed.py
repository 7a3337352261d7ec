"""Correct, written differently: k-means++ draws with rng.random() and a cumulative
sum (other random draws than the reference), distances by broadcasting, centroid
means in a loop over clusters, an empty cluster re-seeded at a random row, and k's
type checked with np.issubdtype (Python and NumPy integers pass, bool does not)."""


def _pairwise_sq_distances(X, centroids):
    diff = X[:, None, :] - centroids[None, :, :]
    return np.einsum("nkd,nkd->nk", diff, diff)


def kmeans_plus_plus(X, k, random_state=0):
    X = np.array(X, dtype=float)
    if X.ndim != 2 or len(X) == 0 or X.shape[1] == 0:
        raise ValueError("X must be a non-empty 2-D array")
    n = len(X)
    if not np.issubdtype(type(k), np.integer) or k < 1 or k > n:   # an int or NumPy integer, not a bool
        raise ValueError(f"k must be in 1..{n}")
    rng = np.random.default_rng(random_state)
    centres = [X[int(rng.random() * n)]]
    for _ in range(1, int(k)):
        d2 = _pairwise_sq_distances(X, np.array(centres)).min(axis=1)
        cumulative = np.cumsum(d2)
        if cumulative[-1] <= 0:
            centres.append(X[int(rng.random() * n)])
            continue
        index = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
        centres.append(X[min(index, n - 1)])
    return np.array(centres)


def kmeans(X, k, max_iters=100, tol=1e-4, random_state=0):
    X = np.array(X, dtype=float)
    centroids = kmeans_plus_plus(X, k, random_state)
    rng = np.random.default_rng([random_state, 1])
    for _ in range(max_iters):
        labels = _pairwise_sq_distances(X, centroids).argmin(axis=1)
        updated = np.empty_like(centroids)
        for j in range(len(centroids)):
            members = X[labels == j]
            updated[j] = members.mean(axis=0) if len(members) else X[rng.integers(len(X))]
        moved = np.linalg.norm(updated - centroids, axis=1).max()
        centroids = updated
        if moved <= tol:
            break
    sq = _pairwise_sq_distances(X, centroids)
    labels = sq.argmin(axis=1)
    return centroids, labels, float(sq[np.arange(len(X)), labels].sum())
