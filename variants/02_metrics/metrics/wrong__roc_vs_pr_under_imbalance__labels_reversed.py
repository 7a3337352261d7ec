"""Joins the labels in the other order than the scores (ones first, then zeros,
while the scores are the negatives' first): every positive score is labelled 0,
and ROC-AUC comes out far below 0.5."""
# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ("y_true = np.r_[np.zeros(n_samples - n_pos, dtype=int), np.ones(n_pos, dtype=int)]",
     "y_true = np.r_[np.ones(n_pos, dtype=int), np.zeros(n_samples - n_pos, dtype=int)]"),
]}
