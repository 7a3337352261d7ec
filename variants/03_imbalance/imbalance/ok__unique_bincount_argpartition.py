"""Correct, vectorised in other ways: tune_threshold counts per distinct score with
np.unique(return_inverse) and np.bincount, then reverse cumulative sums give TP and the number
flagged at every candidate (ascending order, first maximum taken on the reversed array);
smote finds neighbours with scipy's cdist and np.argpartition (the k nearest as an unordered
set, not ranked) and draws lambda before the base rows and partners; focal loss blends
F.logsigmoid(z) and F.logsigmoid(-z) arithmetically with the targets; evaluate uses
scikit-learn's precision_recall_fscore_support(average="binary")."""


def evaluate(model, X, y, threshold=0.5):
    from sklearn.metrics import precision_recall_fscore_support
    truth = as_labels(y)
    if len(truth) != len(X):
        raise ValueError(f'{len(X)} rows of X but {len(truth)} labels')
    scores = predict_proba(model, X).numpy().astype(np.float64)
    flagged = (scores >= threshold).astype(np.float64)
    p, r, f, _ = precision_recall_fscore_support(truth, flagged, average='binary', pos_label=1, zero_division=0)
    return {'precision': float(p), 'recall': float(r), 'f1': float(f), 'pr_auc': float(average_precision_score(truth, scores))}


class FocalLoss(nn.Module):

    def __init__(self, alpha=0.25, gamma=2.0):
        super().__init__()
        if alpha is not None and (not 0.0 <= alpha <= 1.0):
            raise ValueError(f'alpha must be in [0, 1] or None, got {alpha}')
        if not gamma >= 0.0:
            raise ValueError(f'gamma must be >= 0, got {gamma}')
        self.alpha = None if alpha is None else float(alpha)
        self.gamma = float(gamma)

    def forward(self, logits, targets):
        t = targets.to(logits.dtype)
        log_p = F.logsigmoid(logits)
        log_q = F.logsigmoid(-logits)
        log_pt = t * log_p + (1 - t) * log_q
        log_one_minus_pt = t * log_q + (1 - t) * log_p
        per_element = -torch.exp(self.gamma * log_one_minus_pt) * log_pt
        if self.alpha is not None:
            per_element = per_element * (self.alpha * t + (1.0 - self.alpha) * (1 - t))
        return per_element.mean()


def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    from scipy.spatial.distance import cdist
    if isinstance(X_minority, torch.Tensor):
        X_minority = X_minority.detach().cpu().numpy()
    rows = np.array(X_minority, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[0] < 2:
        raise ValueError(f'X_minority must be 2-D with at least 2 rows, got shape {rows.shape}')
    if k_neighbors < 1:
        raise ValueError(f'k_neighbors must be >= 1, got {k_neighbors}')
    if n_new < 0:
        raise ValueError(f'n_new must be >= 0, got {n_new}')
    n = rows.shape[0]
    k = min(int(k_neighbors), n - 1)
    dist = cdist(rows, rows)
    dist[np.arange(n), np.arange(n)] = np.inf
    neighbours = np.argpartition(dist, k - 1, axis=1)[:, :k]
    rng = np.random.default_rng(random_state)
    lam = rng.uniform(0.0, 1.0, size=(int(n_new), 1))
    base = rng.integers(n, size=int(n_new))
    partner = neighbours[base, rng.integers(k, size=int(n_new))]
    return rows[base] + lam * (rows[partner] - rows[base])


def tune_threshold(y_val, proba_val):
    truth = as_labels(y_val, need_both_classes=False)
    if isinstance(proba_val, torch.Tensor):
        proba_val = proba_val.detach().cpu().numpy()
    scores = np.asarray(proba_val, dtype=np.float64).reshape(-1)
    if scores.shape != truth.shape:
        raise ValueError(f'{truth.size} labels but {scores.size} probabilities')
    n_pos = truth.sum()
    if n_pos == 0:
        raise ValueError('y_val holds no positive: F1 is 0 at every threshold')
    candidates, which = np.unique(scores, return_inverse=True)
    hits_at = np.bincount(which, weights=truth, minlength=candidates.size)
    count_at = np.bincount(which, minlength=candidates.size)
    tp = np.cumsum(hits_at[::-1])[::-1]
    flagged = np.cumsum(count_at[::-1])[::-1]
    f1 = 2.0 * tp / (flagged + n_pos)
    best = candidates.size - 1 - int(np.argmax(f1[::-1]))
    return float(candidates[best])


