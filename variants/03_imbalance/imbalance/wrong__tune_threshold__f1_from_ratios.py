"""F1 as 2PR/(P+R) from the precision and recall ratios, first maximum kept: equal
F1 values computed from different ratios can differ in the last bit, so a tie in F1
can go to the lower threshold instead of the higher one."""
# (lines of the reference's tune_threshold, what this learner wrote instead)
EDITS = {"tune_threshold": [
    ("f1 = 2 * true_positives[last] / (n_predicted[last] + n_positive)", """
        precision = true_positives[last] / n_predicted[last]
        recall = true_positives[last] / n_positive
        with np.errstate(invalid="ignore"):
            f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    """),
]}
