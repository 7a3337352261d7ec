"""threshold_tuned tunes the threshold on validation but then evaluates the unweighted model at the
default 0.5: the row repeats the unweighted one."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ('rows["threshold_tuned"] = evaluate(models["unweighted"], X_te, y_te, threshold=tuned)',
     'rows["threshold_tuned"] = evaluate(models["unweighted"], X_te, y_te)'),
]}
