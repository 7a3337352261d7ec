"""Computes both areas from hard predictions (score >= 1, halfway between the
class means) instead of the scores: a one-point 'curve'."""
# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ("""
        rows.append({"roc_auc": float(roc_auc_score(y_true, scores)),
                     "pr_auc": float(average_precision_score(y_true, scores))})
    """, """
        predicted = (scores >= 1.0).astype(int)
        rows.append({"roc_auc": float(roc_auc_score(y_true, predicted)),
                     "pr_auc": float(average_precision_score(y_true, predicted))})
    """),
]}
