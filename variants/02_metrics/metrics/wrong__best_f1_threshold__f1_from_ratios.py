"""F1 as 2PR/(P+R) from the precision and recall ratios, first maximum kept: equal F1
values computed from different ratios can differ in the last bit, so a tie can go to
the lower threshold (the text warns about this)."""
# (lines of the reference's best_f1_threshold, what this learner wrote instead)
EDITS = {"best_f1_threshold": [
    ("f1 = 2 * tps / (tps + fps + n_pos)", """
        precision, recall = tps / (tps + fps), tps / n_pos
        with np.errstate(invalid="ignore"):
            f1 = np.nan_to_num(2 * precision * recall / (precision + recall))
    """),
]}
