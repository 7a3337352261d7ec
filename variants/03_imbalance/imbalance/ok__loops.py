"""Correct solutions written with explicit loops and library helpers: counting in torch,
a balanced sampler with weights scaled differently (n / (2 * count): the same draws), a
threshold scan from the top with a strict improvement rule (ties stay with the higher
threshold), scikit-learn metrics, and SMOTE row by row with NearestNeighbors and its own
random-number stream."""


def compute_pos_weight(y):
    labels = torch.as_tensor(as_labels(y))
    n_pos = (labels == 1).sum()
    n_neg = (labels == 0).sum()
    return (n_neg / n_pos).to(torch.float32).reshape(1)


def make_balanced_sampler(y):
    labels = as_labels(y)
    n = len(labels)
    n_pos = labels.sum()
    weights = [n / (2 * n_pos) if label == 1 else n / (2 * (n - n_pos)) for label in labels]
    return WeightedRandomSampler(weights, num_samples=n, replacement=True)


def evaluate(model, X, y, threshold=0.5):
    from sklearn.metrics import f1_score, precision_score, recall_score
    labels = as_labels(y).astype(int)
    proba = predict_proba(model, X).numpy()
    if len(proba) != len(labels):
        raise ValueError("X and y have different lengths")
    predicted = (proba >= threshold).astype(int)
    return {"precision": float(precision_score(labels, predicted, zero_division=0)),
            "recall": float(recall_score(labels, predicted, zero_division=0)),
            "f1": float(f1_score(labels, predicted, zero_division=0)),
            "pr_auc": float(average_precision_score(labels, proba))}


def tune_threshold(y_val, proba_val):
    labels = as_labels(y_val, need_both_classes=False)
    scores = np.asarray(torch.as_tensor(proba_val).detach().cpu(), dtype=float).reshape(-1)
    if len(scores) != len(labels):
        raise ValueError("y_val and proba_val have different lengths")
    if labels.sum() == 0:
        raise ValueError("y_val has no positive")
    best_threshold, best_f1 = None, -1.0
    for threshold in np.unique(scores)[::-1]:
        predicted = scores >= threshold
        tp = np.sum(predicted & (labels == 1))
        fp = np.sum(predicted & (labels == 0))
        fn = np.sum(~predicted & (labels == 1))
        f1 = 2 * tp / (2 * tp + fp + fn)
        if f1 > best_f1:
            best_threshold, best_f1 = threshold, f1
    return float(best_threshold)


def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    from sklearn.neighbors import NearestNeighbors
    X = np.asarray(torch.as_tensor(X_minority).detach().cpu(), dtype=float)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError("X_minority must be 2-D with at least 2 rows")
    if k_neighbors < 1:
        raise ValueError("k_neighbors must be >= 1")
    if n_new < 0:
        raise ValueError("n_new must be >= 0")
    k = min(k_neighbors, len(X) - 1)
    _, index = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    rng = np.random.default_rng(random_state)
    rows = []
    for _ in range(int(n_new)):
        i = rng.integers(len(X))
        others = [j for j in index[i] if j != i][:k]
        j = others[rng.integers(len(others))]
        rows.append(X[i] + rng.uniform() * (X[j] - X[i]))
    return np.array(rows, dtype=float).reshape(int(n_new), X.shape[1])
