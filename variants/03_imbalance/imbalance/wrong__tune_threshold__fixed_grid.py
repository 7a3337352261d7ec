"""Searches a fixed grid np.linspace(0, 1, 101) instead of the distinct scores: the optimum
between two grid points is missed and the threshold is not one of the scores."""


def tune_threshold(y_val, proba_val):
    labels = as_labels(y_val, need_both_classes=False)
    if isinstance(proba_val, torch.Tensor):
        proba_val = proba_val.detach().cpu().numpy()
    scores = np.asarray(proba_val, dtype=float)
    if scores.shape != labels.shape:
        raise ValueError(f"{scores.shape} probabilities for {labels.shape} labels")
    if labels.sum() == 0:
        raise ValueError("y_val has no positive")
    best_threshold, best_f1 = 0.5, -1.0
    for threshold in np.linspace(1, 0, 101):
        predicted = scores >= threshold
        tp = np.sum(predicted & (labels == 1))
        f1 = 2 * tp / (predicted.sum() + labels.sum())
        if f1 > best_f1:
            best_threshold, best_f1 = threshold, f1
    return float(best_threshold)
