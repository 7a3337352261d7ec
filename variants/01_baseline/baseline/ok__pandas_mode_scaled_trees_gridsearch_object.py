"""Correct, written differently: the data as a DataFrame turned into arrays, the majority class by pandas
value_counts (ties by the sorted index), boolean and float labels, a StandardScaler in all four pipelines
(harmless for trees) with LinearSVC and GradientBoostingClassifier, cross_validate with make_scorer
objects, the recall threshold from sklearn's precision_recall_curve, and the fitted GridSearchCV object
itself returned as the improved model."""
from sklearn.svm import LinearSVC
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import auc


def load_breast_cancer_binary():
    bunch = load_breast_cancer(as_frame=True)
    malignant = int(np.flatnonzero(bunch.target_names == "malignant")[0])
    X = bunch.data.to_numpy(dtype=float)
    y = np.where(bunch.target.to_numpy() == malignant, 1, 0)
    return X, y, list(bunch.data.columns)


def split_and_scale(X, y, test_size=0.2, random_state=42):
    y = check_binary_labels(y)
    X_train, X_test, y_train, y_test = train_test_split(
        np.asarray(X), y, test_size=test_size, random_state=random_state, stratify=y)
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_test = scaler.transform(X_test)
    return X_train, X_test, y_train, y_test, scaler


def majority_baseline(y_train, y_test):
    y_train = check_binary_labels(y_train, "y_train", both_classes=False)
    y_test = check_binary_labels(y_test, "y_test", both_classes=False)
    counts = pd.Series(y_train.astype(float)).value_counts().sort_index()
    majority = counts.idxmax()           # first (lowest) label among equal counts
    y_pred = np.full(len(y_test), majority == 1.0)   # booleans
    y_true = y_test.astype(bool)
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred, zero_division=0),
        "f1": f1_score(y_true, y_pred, zero_division=0),
    }


def train_logistic_regression(X_train, y_train, C=1.0, class_weight=None):
    y_train = check_binary_labels(y_train, "y_train").astype(float)
    model = LogisticRegression(C=C, class_weight=class_weight, random_state=42, max_iter=1000,
                               solver="lbfgs")
    model.fit(X_train, y_train)
    return model


def evaluate(model, X_test, y_test, threshold=0.5):
    y_test = check_binary_labels(y_test, "y_test")
    p = model.predict_proba(X_test)[:, list(model.classes_).index(1)]
    labels = (p >= threshold)
    fpr, tpr, _ = roc_curve(y_test, p)
    out = dict(accuracy=accuracy_score(y_test, labels),
               precision=precision_score(y_test, labels, zero_division=0),
               recall=recall_score(y_test, labels, zero_division=0),
               f1=f1_score(y_test, labels, zero_division=0),
               roc_auc=auc(fpr, tpr),
               pr_auc=average_precision_score(y_test, p))
    return {k: float(v) for k, v in out.items()}


def make_candidate_pipelines(random_state=42):
    def scaled(model):
        return Pipeline([("scaler", StandardScaler()), ("model", model)])
    return {
        "logistic_regression": scaled(LogisticRegression(random_state=random_state, max_iter=1000)),
        "random_forest": scaled(RandomForestClassifier(n_estimators=100, random_state=random_state)),
        "svm": scaled(LinearSVC(random_state=random_state)),
        "gradient_boosting": scaled(GradientBoostingClassifier(random_state=random_state)),
    }


def cross_validate_models(X, y, cv=5, random_state=42):
    y = check_binary_labels(y)
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
    scoring = {"recall": make_scorer(recall_score), "f1": make_scorer(f1_score), "roc_auc": "roc_auc"}
    table = pd.DataFrame(index=pd.Index([], name="model"), dtype=float)
    for name, pipe in make_candidate_pipelines(random_state).items():
        res = cross_validate(pipe, X, y, cv=folds, scoring=scoring)
        for metric in ("recall", "f1", "roc_auc"):
            scores = np.asarray(res[f"test_{metric}"])
            table.loc[name, f"{metric}_mean"] = scores.mean()
            table.loc[name, f"{metric}_std"] = scores.std()
    return table


def threshold_for_recall(y_true, proba, min_recall=0.98):
    y_true = check_binary_labels(y_true, "y_true", both_classes=False)
    proba = np.asarray(proba, dtype=float)
    if len(proba) != len(y_true):
        raise ValueError("lengths differ")
    if not (0 < min_recall <= 1):
        raise ValueError("min_recall must be in (0, 1]")
    if y_true.sum() == 0:
        raise ValueError("no positive in y_true")
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    ok = recall[:-1] >= min_recall
    return float(thresholds[ok].max())


def improved_model(X_train, y_train, random_state=42):
    check_binary_labels(y_train, "y_train")
    # class weights and C chosen by F2 on 3 shuffled stratified folds of the training data
    search = GridSearchCV(
        LogisticRegression(random_state=random_state, max_iter=1000),
        {"class_weight": [None, "balanced"], "C": [0.3, 1.0]},
        scoring=make_scorer(fbeta_score, beta=2),
        cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=random_state))
    return search.fit(X_train, y_train)
