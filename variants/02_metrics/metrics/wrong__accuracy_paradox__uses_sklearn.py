"""Scores the always-negative classifier with sklearn.metrics.accuracy_score and
precision_recall_fscore_support instead of the notebook's own functions."""
from sklearn.metrics import accuracy_score, precision_recall_fscore_support


def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    if not isinstance(n_samples, (int, np.integer)) or n_samples < 1:
        raise ValueError(f"n_samples must be a positive int, got {n_samples!r}")
    if not 0 <= positive_rate <= 1:
        raise ValueError(f"positive_rate must be in [0, 1], got {positive_rate!r}")
    rng = np.random.default_rng(random_state)
    y_true = (rng.random(n_samples) < positive_rate).astype(int)
    y_pred = np.zeros_like(y_true)
    precision, recall, f1, _ = precision_recall_fscore_support(
        y_true, y_pred, average="binary", zero_division=0)
    return {"accuracy": float(accuracy_score(y_true, y_pred)), "precision": float(precision),
            "recall": float(recall), "f1": float(f1)}
