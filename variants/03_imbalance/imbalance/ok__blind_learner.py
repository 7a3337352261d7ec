"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: tensors throughout (torch.as_tensor, torch.where, torch.cat), focal loss from F.logsigmoid, the sampler's weights as a tensor."""
"""learn3: final answers of 03_imbalance/imbalance.ipynb (no imports added: only the notebook's own imports are used)."""


# answer cell: compute_pos_weight
def compute_pos_weight(y):
    labels = as_labels(y)
    n_pos = int(labels.sum())
    n_neg = labels.size - n_pos
    return torch.tensor([n_neg / n_pos], dtype=torch.float32)


# answer cell: make_weighted_loss
def make_weighted_loss(y_train):
    return nn.BCEWithLogitsLoss(pos_weight=compute_pos_weight(y_train))


# answer cell: train
def train(model, loader, loss_fn, optimizer, epochs):
    if epochs < 1:
        raise ValueError(f"epochs must be >= 1, got {epochs}")
    history = []
    for _ in range(epochs):
        total, count = 0.0, 0
        for xb, yb in loader:
            model.train()
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            n = len(yb)
            total += loss.item() * n
            count += n
        history.append(total / count)
    return history


# answer cell: predict_proba
def predict_proba(model, X):
    X = torch.as_tensor(np.asarray(X) if not isinstance(X, torch.Tensor) else X, dtype=torch.float32)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(X)
        return torch.sigmoid(logits).reshape(-1)
    finally:
        model.train(was_training)


# answer cell: evaluate
def evaluate(model, X, y, threshold=0.5):
    labels = as_labels(y)
    if len(labels) != len(X):
        raise ValueError(f"{len(X)} rows of X but {len(labels)} labels")
    proba = predict_proba(model, X).numpy().astype(float)
    predicted = proba >= threshold
    actual = labels == 1
    tp = int((predicted & actual).sum())
    n_predicted = int(predicted.sum())
    n_actual = int(actual.sum())
    precision = tp / n_predicted if n_predicted else 0.0
    recall = tp / n_actual if n_actual else 0.0
    f1 = 2 * tp / (n_predicted + n_actual) if tp else 0.0
    return {"precision": float(precision), "recall": float(recall), "f1": float(f1),
            "pr_auc": float(average_precision_score(labels, proba))}


# answer cell: make_balanced_sampler
def make_balanced_sampler(y):
    labels = as_labels(y)
    n_pos = labels.sum()
    n_neg = labels.size - n_pos
    weights = np.where(labels == 1, 1.0 / n_pos, 1.0 / n_neg)
    return WeightedRandomSampler(torch.as_tensor(weights, dtype=torch.double),
                                 num_samples=len(labels), replacement=True)


# answer cell: FocalLoss
class FocalLoss(nn.Module):

    def __init__(self, alpha=0.25, gamma=2.0):
        super().__init__()
        if alpha is not None and not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be in [0, 1] or None, got {alpha}")
        if gamma < 0:
            raise ValueError(f"gamma must be >= 0, got {gamma}")
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        # signed logit: s = z for a positive, -z for a negative, so p_t = sigmoid(s)
        signed = torch.where(targets > 0.5, logits, -logits)
        log_pt = F.logsigmoid(signed)          # log p_t
        log_1m_pt = F.logsigmoid(-signed)      # log (1 - p_t)
        loss = -torch.exp(self.gamma * log_1m_pt) * log_pt
        if self.alpha is not None:
            alpha_t = torch.where(targets > 0.5, torch.full_like(logits, self.alpha),
                                  torch.full_like(logits, 1.0 - self.alpha))
            loss = alpha_t * loss
        return loss.mean()


# answer cell: smote
def smote(X_minority, n_new, k_neighbors=5, random_state=0):
    if isinstance(X_minority, torch.Tensor):
        X_minority = X_minority.detach().cpu().numpy()
    X = np.array(X_minority, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2:
        raise ValueError(f"X_minority must be 2-D with at least 2 rows, got shape {X.shape}")
    if k_neighbors < 1:
        raise ValueError(f"k_neighbors must be >= 1, got {k_neighbors}")
    if n_new < 0:
        raise ValueError(f"n_new must be >= 0, got {n_new}")
    n = X.shape[0]
    k = min(int(k_neighbors), n - 1)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    neighbours = np.argsort(dist, axis=1, kind="stable")[:, :k]     # (n, k)
    rng = np.random.default_rng(random_state)
    base = rng.integers(0, n, size=n_new)
    partner = neighbours[base, rng.integers(0, k, size=n_new)]
    lam = rng.uniform(0.0, 1.0, size=(n_new, 1))
    return X[base] + lam * (X[partner] - X[base])


# answer cell: tune_threshold
def tune_threshold(y_val, proba_val):
    labels = as_labels(y_val, need_both_classes=False)
    if isinstance(proba_val, torch.Tensor):
        proba_val = proba_val.detach().cpu().numpy()
    scores = np.asarray(proba_val, dtype=float).reshape(-1)
    if scores.shape != labels.shape:
        raise ValueError(f"{len(labels)} labels but {scores.size} probabilities")
    n_pos = labels.sum()
    if n_pos == 0:
        raise ValueError("y_val holds no positive: F1 is 0 at every threshold")
    order = np.argsort(-scores, kind="stable")
    sorted_scores, sorted_labels = scores[order], labels[order]
    tp = np.cumsum(sorted_labels)
    flagged = np.arange(1, len(scores) + 1)
    # the last position of each distinct score: predicting >= that score flags everything up to it
    last = np.r_[sorted_scores[1:] != sorted_scores[:-1], True]
    f1 = 2 * tp[last] / (flagged[last] + n_pos)
    candidates = sorted_scores[last]                    # decreasing
    return float(candidates[int(np.argmax(f1))])        # first maximum = highest threshold


# answer cell: compare_strategies
def compare_strategies(random_state=0):
    X_tr, y_tr, X_va, y_va, X_te, y_te = make_imbalanced_splits(random_state=random_state)
    plain = nn.BCEWithLogitsLoss()

    positives = X_tr[y_tr == 1]
    n_pos = int(y_tr.sum())
    n_neg = len(y_tr) - n_pos
    extra = torch.as_tensor(smote(positives, n_neg - n_pos, random_state=random_state), dtype=torch.float32)
    X_smote = torch.cat([X_tr, extra])
    y_smote = torch.cat([y_tr, torch.ones(len(extra), dtype=y_tr.dtype)])

    models = {
        "unweighted": fit_mlp(X_tr, y_tr, plain, random_state=random_state)[0],
        "pos_weight": fit_mlp(X_tr, y_tr, make_weighted_loss(y_tr), random_state=random_state)[0],
        "balanced_sampler": fit_mlp(X_tr, y_tr, plain, sampler=make_balanced_sampler(y_tr),
                                    random_state=random_state)[0],
        "focal": fit_mlp(X_tr, y_tr, FocalLoss(alpha=0.8, gamma=2.0), random_state=random_state)[0],
        "smote": fit_mlp(X_smote, y_smote, plain, random_state=random_state)[0],
    }
    rows = {name: evaluate(model, X_te, y_te) for name, model in models.items()}
    threshold = tune_threshold(y_va, predict_proba(models["unweighted"], X_va))
    rows["threshold_tuned"] = evaluate(models["unweighted"], X_te, y_te, threshold)
    return pd.DataFrame.from_dict(rows, orient="index")[["precision", "recall", "f1", "pr_auc"]]


# ---- written answers (markdown cells), for reference ----
# written answer cell: answer_f1_recall
# From F1 = 2PR/(P+R): P = F1·R / (2R − F1) = 0.78·0.98 / (1.96 − 0.78) ≈ 0.65, so about one alarm in three is false (with 120 test positives: ~118 found, ~64 false alarms). A trivial "always positive" classifier on a 20%-positive problem gets P = 0.20, R = 1, F1 = 2·0.2/1.2 ≈ 0.33, and "always negative" gets F1 = 0 (at 80% accuracy), so 0.78 is far better than trivial. Recall 0.98 with precision 0.65 is exactly the operating point an up-weighted loss at threshold 0.5 produces: the model has been pushed to the "flag it" end of its PR curve. Whether that is good depends on what a miss costs relative to a false alarm. Next I would check the PR-AUC and the PR curve (is the ranking good, or only the threshold moved?), F1/precision against threshold on the validation set, the confusion matrix in counts, and the noise: one positive moves recall by 1/120 ≈ 0.008, so compare with intervals or several seeds before calling it better.

# written answer cell: answer_resample_before_split
# Because it leaks the test set into training. SMOTE rows are interpolations between positives, and random oversampling makes exact copies: if you resample first, many synthetic/copied rows are built from positives that later land in the test (and validation) set, so the network has effectively seen near-copies of its test positives and the test recall/precision are optimistic. The validation set is contaminated the same way, so the threshold and the choice of strategy are also picked on leaked data. It also changes the evaluation distribution: a balanced test set has 50% positives instead of the real 20% (or 1%), and precision, F1 and PR-AUC depend on the prevalence (precision at a fixed recall rises a lot when positives are 50%), so the numbers no longer describe production. The fix: split first (stratified), resample or reweight only the training set, and in cross-validation resample inside each training fold (e.g. an imblearn Pipeline) so the held-out fold stays untouched.

# written answer cell: answer_precision_matters
# Then I move the operating point towards precision: raise the decision threshold, chosen on the validation set for the business constraint (e.g. the highest recall subject to precision ≥ 0.9), or optimise an explicit cost or F-beta with beta < 1 (F0.5) instead of F1. I would also reduce or drop the up-weighting: pos_weight towards 1, no balanced sampler, focal alpha towards 0.5 — those all push the model towards recall at the cost of precision. If no threshold gives acceptable precision at a useful recall, the ranking itself is the problem, and the fix is better features, more data or a better model; the PR curve / PR-AUC tells whether a good trade-off exists at all. Finally I report the precision together with the recall it costs (e.g. "precision 0.90 at recall 0.45"), measured once on the untouched test set.

# written answer cell: answer_threshold_on_validation
# The threshold is a model parameter, fitted by maximising a score over candidates (here hundreds of distinct probabilities); if I choose it on the test set, the test set becomes part of the fitting. The reported F1 is then the maximum over many candidates on that very set, which is optimistically biased and no longer an estimate of performance on new data (with 120 test positives, noise alone lets the best of hundreds of thresholds look a few points better than it is). The validation set exists for every choice — threshold, strategy, epochs, weights — and the test set is used once, at the end, for an honest number. The tuned threshold is itself noisy with 500 validation samples (100 positives), which is another reason to check it on data it was not chosen on.

# written answer cell: answer_one_percent
# Data and evaluation first: with 1% positives there are ~56 training and ~24 test positives, so one test positive moves recall by ~4 points; I would stratify every split, try hard to get more positives (labelling, longer history), and use stratified cross-validation or repeated splits with confidence intervals rather than one split. Metrics: always-negative has 99% accuracy and ROC-AUC looks flattering because of the huge number of true negatives, so I would report PR-AUC, precision at a fixed recall or recall at an alert budget, and the confusion matrix in counts. Training: pos_weight ≈ 99 or a fully balanced sampler makes the gradients noisy and lets the net memorise the few positives (each repeated ~50 times per epoch), and the table above shows the weighted model flooding with false alarms; I would try a milder weight (e.g. sqrt ratio ≈ 10) plus a tuned threshold, focal loss, and make sure each batch contains positives (stratified/balanced batches or bigger batches). Beyond the loss: recalibrate the probabilities after reweighting (Platt/isotonic on validation), and consider a different framing: anomaly detection, a two-stage system (cheap high-recall filter, then a precise model or human review), sized to the alert volume the business can handle.

# written answer cell: answer_limitations
# Reweighting and resampling change the class prior the network learns, so its probabilities are no longer calibrated (a "0.5" from the pos_weight model is not 50% risk); they must be recalibrated wherever probabilities are consumed. F1 and the 0.5 threshold are arbitrary choices: the real costs of a miss and a false alarm should define the objective and the threshold, chosen on validation. The evaluation is small and noisy: one split, one seed, 100 validation and 120 test positives, 5 epochs of a tiny network, so differences of a few points between rows are within noise; cross-validation, several seeds and confidence intervals are needed before ranking strategies. And what carries over is limited: the weight and the tuned threshold are tied to the 20% prevalence and break under prior shift in production, the data are synthetic and the model a toy, and all these strategies mostly move along the same PR curve (PR-AUC barely changes) without adding information — better features or data would.
