"""Computes both areas from hard predictions (score >= 1, halfway between the
class means) instead of the scores: a one-point 'curve'."""


def roc_vs_pr_under_imbalance(positive_rates=(0.5, 0.1, 0.01), random_state=0):
    n_samples = 50_000
    rates = [float(rate) for rate in positive_rates]
    if not rates:
        raise ValueError("positive_rates is empty")
    rng = np.random.default_rng(random_state)
    rows = []
    for rate in rates:
        n_pos = round(rate * n_samples) if 0 < rate < 1 else 0
        if not 0 < n_pos < n_samples:
            raise ValueError(f"positive rate {rate} leaves no positive or no negative")
        y_true = np.r_[np.zeros(n_samples - n_pos, dtype=int), np.ones(n_pos, dtype=int)]
        scores = np.r_[rng.normal(0.0, 1.0, n_samples - n_pos), rng.normal(2.0, 1.0, n_pos)]
        predicted = (scores >= 1.0).astype(int)
        rows.append({"roc_auc": float(roc_auc_score(y_true, predicted)),
                     "pr_auc": float(average_precision_score(y_true, predicted))})
    return pd.DataFrame(rows, index=pd.Index(rates, name="positive_rate"))
