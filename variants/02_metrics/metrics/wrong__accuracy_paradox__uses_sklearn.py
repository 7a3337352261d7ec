"""Scores the always-negative classifier with sklearn.metrics.accuracy_score and
precision_recall_fscore_support instead of the notebook's own functions."""
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

# (lines of the reference's accuracy_paradox, what this learner wrote instead)
EDITS = {"accuracy_paradox": [
    ("""
        tn, fp, fn, tp = confusion_counts(y_true, y_pred)
        precision, recall, f1 = precision_recall_f1(y_true, y_pred)
        return {"accuracy": (tn + tp) / int(n_samples), "precision": precision,
                "recall": recall, "f1": f1}
    """, """
        precision, recall, f1, _ = precision_recall_fscore_support(
            y_true, y_pred, average="binary", zero_division=0)
        return {"accuracy": float(accuracy_score(y_true, y_pred)), "precision": float(precision),
                "recall": float(recall), "f1": float(f1)}
    """),
]}
