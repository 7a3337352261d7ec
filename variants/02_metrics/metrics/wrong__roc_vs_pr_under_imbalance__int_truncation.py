"""Counts the positives as int(rate * 50_000), truncating instead of rounding: when the
product lands just below a whole number (0.29 * 50_000 = 14499.999999999998) one positive
is lost, so the draw differs from the prescribed one."""
# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ("n_pos = round(rate * n_samples) if 0 < rate < 1 else 0",
     "n_pos = int(rate * n_samples) if 0 < rate < 1 else 0"),
]}
