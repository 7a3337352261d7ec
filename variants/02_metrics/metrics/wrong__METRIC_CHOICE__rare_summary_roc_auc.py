"""Summarises a model on 0.5% positives by ROC-AUC, which stays high while the
top of the list fills with false alarms."""

METRIC_CHOICE = {
    "spam_filter": "precision",
    "fraud_detection": "recall",
    "rare_disease_screening": "recall",
    "ranking_quality": "roc_auc",
    "rare_positive_summary": "roc_auc",
    "balanced_equal_costs": "accuracy",
}
