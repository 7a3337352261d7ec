"""Thresholds the raw logits at 0.5 (no sigmoid): samples with probability between 0.5 and
0.62 are called negative."""


def evaluate(model, X, y, threshold=0.5):
    labels = as_labels(y)
    X = torch.as_tensor(X, dtype=torch.float32)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(X).reshape(-1)
    model.train(was_training)
    logits = logits.numpy().astype(float)
    if logits.shape != labels.shape:
        raise ValueError(f"{logits.shape[0]} predictions for {labels.shape[0]} labels")
    predicted = logits >= threshold
    tp = float(np.sum(predicted & (labels == 1)))
    n_predicted, n_positive = float(predicted.sum()), float(labels.sum())
    return {"precision": tp / n_predicted if n_predicted else 0.0,
            "recall": tp / n_positive,
            "f1": 2 * tp / (n_predicted + n_positive),
            "pr_auc": float(average_precision_score(labels, logits))}
