"""threshold_tuned picks its threshold on the test set (the set it is then scored on)."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ('tuned = tune_threshold(y_va, predict_proba(models["unweighted"], X_va))',
     'tuned = tune_threshold(y_te, predict_proba(models["unweighted"], X_te))'),
]}
