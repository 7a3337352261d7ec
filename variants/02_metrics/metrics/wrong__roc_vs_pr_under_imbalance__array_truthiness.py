"""Tests `if not positive_rates:` on the argument itself: a NumPy array of two or
more rates, a valid input, raises "truth value of an array is ambiguous"
(a ValueError) instead of giving the table."""
# (lines of the reference's roc_vs_pr_under_imbalance, what this learner wrote instead)
EDITS = {"roc_vs_pr_under_imbalance": [
    ('''    rates = [float(rate) for rate in positive_rates]
    if not rates:
        raise ValueError("positive_rates is empty")''',
     '''    if not positive_rates:
        raise ValueError("positive_rates is empty")
    rates = [float(rate) for rate in positive_rates]'''),
]}
