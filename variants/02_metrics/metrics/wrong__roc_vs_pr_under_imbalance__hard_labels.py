"""Computes both areas from hard predictions (score >= 1, halfway between the
class means) instead of the scores: a one-point 'curve'."""
# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ("""
        fpr, tpr, _ = roc_points(y_true, scores)
        rows.append({"roc_auc": auc_trapezoid(fpr, tpr), "pr_auc": average_precision(y_true, scores)})
    """, """
        predicted = (scores >= 1.0).astype(int)
        fpr, tpr, _ = roc_points(y_true, predicted)
        rows.append({"roc_auc": auc_trapezoid(fpr, tpr), "pr_auc": average_precision(y_true, predicted)})
    """),
]}
