"""The networks are trained with fit_mlp's default seed: random_state is passed to
the data split and to SMOTE but not to fit_mlp, so compare_strategies(random_state=1)
trains every network from seed 0 (same initial weights, batches and dropout masks)."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("return fit_mlp(X, y, loss_fn, sampler=sampler, random_state=random_state)[0]",
     "return fit_mlp(X, y, loss_fn, sampler=sampler)[0]"),
]}
