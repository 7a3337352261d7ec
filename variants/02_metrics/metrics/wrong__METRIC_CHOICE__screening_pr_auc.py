"""Reads "rare" in the screening scenario as a call for PR-AUC, although the test's cut-off is set and the
expensive error is the missed patient: a rate at that cut-off (recall) is what to watch."""

METRIC_CHOICE = {
    "spam_filter": "precision",
    "fraud_detection": "recall",
    "rare_disease_screening": "pr_auc",
    "ranking_quality": "roc_auc",
    "rare_positive_summary": "pr_auc",
    "balanced_equal_costs": "accuracy",
}
