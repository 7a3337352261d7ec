"""Builds the frame from a list of rows without an index: the rows are
numbered 0, 1, 2 instead of being indexed by the positive rate."""


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    n_samples = 50_000
    rng = np.random.default_rng(random_state)
    rows = []
    if len(positive_rates) == 0:
        raise ValueError("positive_rates is empty")
    for rate in positive_rates:
        n_pos = round(rate * n_samples) if 0 < rate < 1 else 0
        if not 0 < n_pos < n_samples:
            raise ValueError(f"positive rate {rate} leaves no positive or no negative")
        y_true = np.r_[np.zeros(n_samples - n_pos, dtype=int), np.ones(n_pos, dtype=int)]
        scores = np.r_[rng.normal(0.0, 1.0, n_samples - n_pos), rng.normal(2.0, 1.0, n_pos)]
        rows.append({"roc_auc": roc_auc_score(y_true, scores),
                     "pr_auc": average_precision_score(y_true, scores)})
    return pd.DataFrame(rows)
