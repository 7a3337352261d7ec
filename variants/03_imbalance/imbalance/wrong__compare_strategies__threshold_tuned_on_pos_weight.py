"""threshold_tuned tunes the threshold on the validation probabilities of the pos_weight network and
applies it to the unweighted one: every other check holds (validation labels, test-set rows, the same
PR-AUC as the unweighted row), but the threshold belongs to another model's scores."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ('tuned = tune_threshold(y_va, predict_proba(models["unweighted"], X_va))',
     'tuned = tune_threshold(y_va, predict_proba(models["pos_weight"], X_va))'),
]}
