"""Reports every row on the validation set instead of the untouched test set."""
EDITS = {"compare_strategies": [
    ('rows = {name: evaluate(model, X_te, y_te) for name, model in models.items()}',
     'rows = {name: evaluate(model, X_va, y_va) for name, model in models.items()}'),
    ('rows["threshold_tuned"] = evaluate(models["unweighted"], X_te, y_te, threshold=tuned)',
     'rows["threshold_tuned"] = evaluate(models["unweighted"], X_va, y_va, threshold=tuned)'),
]}
