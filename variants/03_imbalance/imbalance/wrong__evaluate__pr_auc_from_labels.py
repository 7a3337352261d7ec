"""PR-AUC computed from the hard 0/1 predictions instead of the probabilities."""


def evaluate(model, X, y, threshold=0.5):
    labels = as_labels(y)
    proba = predict_proba(model, X).numpy().astype(float)
    if proba.shape != labels.shape:
        raise ValueError(f"{proba.shape[0]} predictions for {labels.shape[0]} labels")
    predicted = proba >= threshold
    tp = float(np.sum(predicted & (labels == 1)))
    n_predicted, n_positive = float(predicted.sum()), float(labels.sum())
    return {"precision": tp / n_predicted if n_predicted else 0.0,
            "recall": tp / n_positive,
            "f1": 2 * tp / (n_predicted + n_positive),
            "pr_auc": float(average_precision_score(labels, predicted.astype(int)))}
