"""threshold_tuned tunes the threshold on the unweighted network's validation logits, not its
probabilities, then evaluates at that logit as if it were a probability."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ('tuned = tune_threshold(y_va, predict_proba(models["unweighted"], X_va))',
     """
    models["unweighted"].eval()
    with torch.no_grad():
        tuned = tune_threshold(y_va, models["unweighted"](X_va))
    """),
]}
