"""Computes ROC-AUC and average precision from the thresholded labels instead of the probabilities."""


def evaluate(model, X_test, y_test, threshold=0.5):
    check_binary_labels(y_test, "y_test")
    proba = model.predict_proba(X_test)[:, 1]
    y_pred = (proba >= threshold).astype(int)
    return {
        "accuracy": accuracy_score(y_test, y_pred),
        "precision": precision_score(y_test, y_pred, zero_division=0),
        "recall": recall_score(y_test, y_pred, zero_division=0),
        "f1": f1_score(y_test, y_pred, zero_division=0),
        "roc_auc": roc_auc_score(y_test, y_pred),
        "pr_auc": average_precision_score(y_test, y_pred),
    }
