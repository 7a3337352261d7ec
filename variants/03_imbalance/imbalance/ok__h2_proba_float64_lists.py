"""Correct (h2 review): predict_proba computes the sigmoid in float64 (a float tensor, more
precise) via 1 / (1 + exp(-z)) and restores the mode only when it changed it; compare_strategies
hands tune_threshold Python lists, calls everything with keyword arguments, puts the SMOTE rows
before the training rows, and tunes the threshold before evaluating the other rows."""


def predict_proba(model, X):
    X = torch.as_tensor(X, dtype=torch.float32)
    was_training = model.training
    if was_training:
        model.eval()
    try:
        with torch.no_grad():
            z = model(X).double().flatten()
            return 1.0 / (1.0 + torch.exp(-z))
    finally:
        if was_training:
            model.train()


def compare_strategies(random_state=0):
    splits = make_imbalanced_splits(random_state=random_state)
    X_tr, y_tr, X_va, y_va, X_te, y_te = splits
    plain = nn.BCEWithLogitsLoss()
    base, _ = fit_mlp(X=X_tr, y=y_tr, loss_fn=plain, random_state=random_state)
    cut = tune_threshold(y_val=y_va.tolist(), proba_val=predict_proba(base, X_va).tolist())

    n_pos = int(y_tr.sum().item())
    n_new = len(y_tr) - 2 * n_pos
    extra = torch.tensor(smote(X_minority=X_tr[y_tr.bool()], n_new=n_new, k_neighbors=5,
                               random_state=random_state), dtype=torch.float32)
    X_sm = torch.vstack([extra, X_tr])
    y_sm = torch.hstack([torch.ones(n_new), y_tr])

    models = {
        "unweighted": base,
        "pos_weight": fit_mlp(X=X_tr, y=y_tr, loss_fn=make_weighted_loss(y_tr), random_state=random_state)[0],
        "balanced_sampler": fit_mlp(X=X_tr, y=y_tr, loss_fn=plain, sampler=make_balanced_sampler(y_tr),
                                    random_state=random_state)[0],
        "focal": fit_mlp(X=X_tr, y=y_tr, loss_fn=FocalLoss(alpha=0.8, gamma=2.0), random_state=random_state)[0],
        "smote": fit_mlp(X=X_sm, y=y_sm, loss_fn=plain, random_state=random_state)[0],
    }
    table = {name: evaluate(model=m, X=X_te, y=y_te, threshold=0.5) for name, m in models.items()}
    table["threshold_tuned"] = evaluate(model=base, X=X_te, y=y_te, threshold=cut)
    return pd.DataFrame(table).T.astype(float)
