"""Chooses F1 for balanced classes with equal costs, where accuracy is exactly
one minus the (equal-cost) error rate and F1 ignores the true negatives."""

METRIC_CHOICE = {
    "spam_filter": "precision",
    "fraud_detection": "recall",
    "rare_disease_screening": "recall",
    "ranking_quality": "roc_auc",
    "rare_positive_summary": "pr_auc",
    "balanced_equal_costs": "f1",
}
