"""Correct compare_strategies written another way (h2 review): models trained in another order
(SMOTE first), every call positional, the pos_weight loss built directly from compute_pos_weight,
n_new an np.int64, the tuned threshold found on a deep copy of the unweighted network, progress
printed, and a float32 table whose index is named; plus compute_sample_weight for the sampler,
tune_threshold with exact fractions, and a training loop that switches to training mode before
every batch."""
import copy
from fractions import Fraction


def make_balanced_sampler(y):
    from sklearn.utils.class_weight import compute_sample_weight
    labels = as_labels(y).astype(int)
    weights = compute_sample_weight("balanced", labels)
    return WeightedRandomSampler(weights, len(labels), True)


def train(model, loader, loss_fn, optimizer, epochs):
    epochs = int(epochs)
    if epochs < 1:
        raise ValueError("epochs must be >= 1")
    per_epoch = []
    for epoch in range(epochs):
        weighted_sum, count = 0.0, 0
        for batch in loader:
            features, labels = batch
            model.train()
            model.zero_grad()
            loss = loss_fn(model(features), labels)
            loss.backward()
            optimizer.step()
            n = len(features)
            weighted_sum += n * loss.item()
            count += n
        per_epoch.append(weighted_sum / count)
    return [float(v) for v in np.array(per_epoch)]


def tune_threshold(y_val, proba_val):
    labels = as_labels(y_val, need_both_classes=False).astype(int).tolist()
    scores = (proba_val.detach().cpu().reshape(-1).tolist() if isinstance(proba_val, torch.Tensor)
              else np.asarray(proba_val, dtype=float).reshape(-1).tolist())
    if len(scores) != len(labels):
        raise ValueError("lengths differ")
    positives = sum(labels)
    if positives == 0:
        raise ValueError("no positive label")
    best = None
    for t in sorted(set(scores), reverse=True):
        tp = sum(1 for s, l in zip(scores, labels) if s >= t and l == 1)
        flagged = sum(1 for s in scores if s >= t)
        f1 = Fraction(2 * tp, flagged + positives)
        if best is None or f1 > best[0]:
            best = (f1, t)
    return float(best[1])


def compare_strategies(random_state=0):
    X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits(0.2, 2500, random_state)
    bce = nn.BCEWithLogitsLoss(reduction="mean")
    n_pos = np.int64(y_tr.numpy().sum())
    n_neg = np.int64(len(y_tr)) - n_pos
    synthetic = smote(X_tr.numpy()[y_tr.numpy() == 1], n_neg - n_pos, 5, random_state)
    X_sm = torch.cat((X_tr, torch.as_tensor(synthetic, dtype=torch.float32)), 0)
    y_sm = torch.cat((y_tr, torch.ones(synthetic.shape[0], dtype=torch.float32)), 0)
    print("training smote ...")
    m_smote, _ = fit_mlp(X_sm, y_sm, bce, None, EPOCHS, random_state)
    print("training focal ...")
    m_focal, _ = fit_mlp(X_tr, y_tr, FocalLoss(0.8, 2.0), None, EPOCHS, random_state)
    print("training balanced sampler ...")
    m_sampler, _ = fit_mlp(X_tr, y_tr, bce, make_balanced_sampler(y_tr), EPOCHS, random_state)
    print("training pos_weight ...")
    m_weighted, _ = fit_mlp(X_tr, y_tr, nn.BCEWithLogitsLoss(pos_weight=compute_pos_weight(y_tr)),
                            None, EPOCHS, random_state)
    print("training unweighted ...")
    m_plain, _ = fit_mlp(X_tr, y_tr, bce, None, EPOCHS, random_state)
    frozen = copy.deepcopy(m_plain).eval()
    best = tune_threshold(y_va, predict_proba(frozen, X_va))
    order = [("unweighted", m_plain, 0.5), ("pos_weight", m_weighted, 0.5),
             ("balanced_sampler", m_sampler, 0.5), ("focal", m_focal, 0.5),
             ("smote", m_smote, 0.5), ("threshold_tuned", m_plain, best)]
    table = pd.DataFrame([evaluate(m, X_te, y_te, t) for _, m, t in order],
                         index=pd.Index([name for name, _, _ in order], name="strategy"))
    return table[["precision", "recall", "f1", "pr_auc"]].astype(np.float32)
