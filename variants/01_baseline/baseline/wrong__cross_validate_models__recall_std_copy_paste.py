"""The six columns are written out by hand and recall_std was copied from the f1
line without changing the key: it holds the standard deviation of F1 over the folds."""


def cross_validate_models(X, y, cv=5, random_state=42):
    check_binary_labels(y)
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
    table = {}
    for name, pipe in make_candidate_pipelines(random_state).items():
        s = cross_validate(pipe, X, y, cv=folds, scoring=["recall", "f1", "roc_auc"])
        table[name] = {
            "recall_mean": s["test_recall"].mean(), "recall_std": s["test_f1"].std(),
            "f1_mean": s["test_f1"].mean(), "f1_std": s["test_f1"].std(),
            "roc_auc_mean": s["test_roc_auc"].mean(), "roc_auc_std": s["test_roc_auc"].std(),
        }
    return pd.DataFrame(table).T
