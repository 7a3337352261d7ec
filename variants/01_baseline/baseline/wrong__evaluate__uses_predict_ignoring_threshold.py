"""Labels from model.predict(), which ignores the threshold argument."""


def evaluate(model, X_test, y_test, threshold=0.5):
    check_binary_labels(y_test, "y_test")
    proba = model.predict_proba(X_test)[:, 1]
    y_pred = model.predict(X_test)
    return {
        "accuracy": accuracy_score(y_test, y_pred),
        "precision": precision_score(y_test, y_pred, zero_division=0),
        "recall": recall_score(y_test, y_pred, zero_division=0),
        "f1": f1_score(y_test, y_pred, zero_division=0),
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
    }
