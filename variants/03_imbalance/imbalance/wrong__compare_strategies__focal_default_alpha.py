"""The focal row keeps the paper's default alpha=0.25, which gives the positives the *smaller*
weight: instead of raising recall it lowers it."""


def compare_strategies(random_state=0):
    X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits(random_state=random_state)
    plain_loss = nn.BCEWithLogitsLoss()
    positives = X_tr[y_tr == 1]
    n_new = int((y_tr == 0).sum() - (y_tr == 1).sum())
    synthetic = torch.as_tensor(smote(positives, n_new, random_state=random_state), dtype=torch.float32)
    models = {
        "unweighted": fit_mlp(X_tr, y_tr, plain_loss, random_state=random_state)[0],
        "pos_weight": fit_mlp(X_tr, y_tr, make_weighted_loss(y_tr), random_state=random_state)[0],
        "balanced_sampler": fit_mlp(X_tr, y_tr, plain_loss, sampler=make_balanced_sampler(y_tr),
                                    random_state=random_state)[0],
        "focal": fit_mlp(X_tr, y_tr, FocalLoss(), random_state=random_state)[0],
        "smote": fit_mlp(torch.cat([X_tr, synthetic]), torch.cat([y_tr, torch.ones(n_new)]), plain_loss,
                         random_state=random_state)[0],
    }
    rows = {name: evaluate(model, X_te, y_te) for name, model in models.items()}
    tuned = tune_threshold(y_va, predict_proba(models["unweighted"], X_va))
    rows["threshold_tuned"] = evaluate(models["unweighted"], X_te, y_te, threshold=tuned)
    return pd.DataFrame.from_dict(rows, orient="index")[["precision", "recall", "f1", "pr_auc"]]
