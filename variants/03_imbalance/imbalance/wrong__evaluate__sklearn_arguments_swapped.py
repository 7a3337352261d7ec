"""scikit-learn's precision_score and recall_score called as (y_pred, y_true): precision and recall
come out swapped."""
from sklearn.metrics import f1_score, precision_score, recall_score


def evaluate(model, X, y, threshold=0.5):
    labels = as_labels(y).astype(int)
    proba = predict_proba(model, X).numpy()
    if len(proba) != len(labels):
        raise ValueError("X and y differ in length")
    predicted = (proba >= threshold).astype(int)
    return {"precision": float(precision_score(predicted, labels, zero_division=0)),
            "recall": float(recall_score(predicted, labels, zero_division=0)),
            "f1": float(f1_score(predicted, labels, zero_division=0)),
            "pr_auc": float(average_precision_score(labels, proba))}
