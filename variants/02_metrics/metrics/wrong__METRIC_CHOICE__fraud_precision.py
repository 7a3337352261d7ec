"""Chooses precision for fraud detection, as if false alarms were the expensive
error (they cost a text message; a missed fraud costs the full amount)."""

METRIC_CHOICE = {
    "spam_filter": "precision",
    "fraud_detection": "precision",
    "rare_disease_screening": "recall",
    "ranking_quality": "roc_auc",
    "rare_positive_summary": "pr_auc",
    "balanced_equal_costs": "accuracy",
}
