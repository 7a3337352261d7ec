"""Passes cv=5 as a number: StratifiedKFold without shuffling, so random_state has no effect on the folds."""


def cross_validate_models(X, y, cv=5, random_state=42):
    check_binary_labels(y)
    rows = {}
    for name, pipeline in make_candidate_pipelines(random_state).items():
        scores = cross_validate(pipeline, X, y, cv=cv, scoring=["recall", "f1", "roc_auc"])
        rows[name] = {f"{m}_{stat}": getattr(scores[f"test_{m}"], stat)()
                      for m in ("recall", "f1", "roc_auc") for stat in ("mean", "std")}
    return pd.DataFrame.from_dict(rows, orient="index")
