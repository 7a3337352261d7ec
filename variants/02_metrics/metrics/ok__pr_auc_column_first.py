"""Correct, written differently: the same table built from a dict whose first key is
pr_auc, so the columns come as pr_auc, roc_auc."""


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    rates = [float(r) for r in positive_rates]
    if not rates:
        raise ValueError("positive_rates is empty")
    rng = np.random.default_rng(random_state)
    table = {"pr_auc": [], "roc_auc": []}
    for rate in rates:
        n_pos = round(rate * 50_000) if 0 < rate < 1 else 0
        if not 0 < n_pos < 50_000:
            raise ValueError(f"rate {rate} leaves no positive or no negative")
        y = np.r_[np.zeros(50_000 - n_pos, dtype=int), np.ones(n_pos, dtype=int)]
        s = np.r_[rng.normal(0.0, 1.0, 50_000 - n_pos), rng.normal(2.0, 1.0, n_pos)]
        table["pr_auc"].append(float(average_precision_score(y, s)))
        table["roc_auc"].append(float(roc_auc_score(y, s)))
    return pd.DataFrame(table, index=pd.Index(rates, name="positive_rate"))
