"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: cross-validation through StratifiedKFold and cross_validate, the recall threshold by sorting the positive scores, a random forest or histogram gradient boosting among the candidates."""
# learn1: final answers of release/01_baseline/baseline.ipynb (selfgrade 16/16 autograded).
# No imports added: the answer cells rely on the notebook's `imports` cell (numpy as np, pandas as pd,
# sklearn names, check_binary_labels).

# answer cell: load_breast_cancer_binary
def load_breast_cancer_binary():
    data = load_breast_cancer()
    malignant_code = list(data.target_names).index("malignant")   # 0 in scikit-learn's encoding
    X = np.asarray(data.data, dtype=float)
    y = (data.target == malignant_code).astype(int)
    return X, y, list(data.feature_names)


# answer cell: split_and_scale
def split_and_scale(X, y, test_size=0.2, random_state=42):
    y = check_binary_labels(y, "y")
    X = np.asarray(X, dtype=float)
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]}")
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=test_size, random_state=random_state, stratify=y)
    scaler = StandardScaler().fit(X_tr)
    return scaler.transform(X_tr), scaler.transform(X_te), y_tr, y_te, scaler


# answer cell: majority_baseline
def majority_baseline(y_train, y_test):
    y_train = check_binary_labels(y_train, "y_train", both_classes=False)
    y_test = check_binary_labels(y_test, "y_test", both_classes=False)
    n_pos = int(np.count_nonzero(y_train == 1))
    majority = 1 if n_pos > len(y_train) - n_pos else 0     # a tie goes to 0, the lower label
    y_pred = np.full(len(y_test), majority)
    return {
        "accuracy": float(accuracy_score(y_test, y_pred)),
        "precision": float(precision_score(y_test, y_pred, zero_division=0)),
        "recall": float(recall_score(y_test, y_pred, zero_division=0)),
        "f1": float(f1_score(y_test, y_pred, zero_division=0)),
    }


# answer cell: train_logistic_regression
def train_logistic_regression(X_train, y_train, C=1.0, class_weight=None):
    y_train = check_binary_labels(y_train, "y_train")
    model = LogisticRegression(C=C, class_weight=class_weight, random_state=42, max_iter=1000)
    return model.fit(X_train, y_train)




# answer cell: make_candidate_pipelines
def make_candidate_pipelines(random_state=42):
    return {
        "logistic_regression": Pipeline([
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(max_iter=1000, random_state=random_state)),
        ]),
        "random_forest": Pipeline([
            ("clf", RandomForestClassifier(n_estimators=200, random_state=random_state)),
        ]),
        "svm": Pipeline([
            ("scale", StandardScaler()),
            ("clf", SVC(kernel="rbf", random_state=random_state)),   # roc_auc uses decision_function
        ]),
        "gradient_boosting": Pipeline([
            ("clf", HistGradientBoostingClassifier(random_state=random_state)),
        ]),
    }


# answer cell: cross_validate_models
def cross_validate_models(X, y, cv=5, random_state=42):
    y = check_binary_labels(y, "y")
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
    metrics = ["recall", "f1", "roc_auc"]
    rows = {}
    for name, pipeline in make_candidate_pipelines(random_state).items():
        scores = cross_validate(pipeline, X, y, cv=folds, scoring=metrics)
        row = {}
        for metric in metrics:
            fold_scores = np.asarray(scores[f"test_{metric}"], dtype=float)
            row[f"{metric}_mean"] = fold_scores.mean()
            row[f"{metric}_std"] = fold_scores.std()
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


# answer cell: threshold_for_recall
def threshold_for_recall(y_true, proba, min_recall=0.98):
    y_true = check_binary_labels(y_true, "y_true", both_classes=False)
    proba = np.asarray(proba, dtype=float)
    if proba.shape != y_true.shape:
        raise ValueError(f"y_true and proba differ in shape: {y_true.shape} vs {proba.shape}")
    if not 0 < min_recall <= 1:
        raise ValueError(f"min_recall must be in (0, 1], got {min_recall}")
    positive_scores = np.sort(proba[y_true == 1])[::-1]     # highest first
    n_pos = len(positive_scores)
    if n_pos == 0:
        raise ValueError("y_true has no positive: recall is undefined")
    # recall when the k highest-scoring positives are caught, k = 1..n_pos;
    # compare these exact fractions with the target (no ceil of a rounded product)
    recall_at_k = np.arange(1, n_pos + 1) / n_pos
    k = int(np.argmax(recall_at_k >= min_recall))           # first k that reaches the target
    return float(positive_scores[k])


# answer cell: improved_model
def improved_model(X_train, y_train, random_state=42):
    # Choice: the baseline ranks tumours very well (ROC-AUC ~0.99), so the gain is in where it
    # puts the decision boundary. Missing a cancer is far worse than a false alarm, so let
    # cross-validation on the training part choose between equal and balanced class weights
    # and a few regularisation strengths, scored by F2 (recall weighs 4x precision, but
    # precision still counts, so it will not flag everyone).
    y_train = check_binary_labels(y_train, "y_train")
    search = GridSearchCV(
        LogisticRegression(max_iter=1000, random_state=random_state),
        param_grid={"class_weight": [None, "balanced"], "C": [0.3, 1.0, 3.0]},
        scoring=make_scorer(fbeta_score, beta=2),
        cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=random_state),
    )
    search.fit(X_train, y_train)
    return search.best_estimator_


# Written answers (markdown cells), for reference:
# --- answer_why_stratify
# Stratifying keeps the share of malignant tumours (212/569, about 37%) the same in the training and the test part. The test set is small: 114 rows of which about 42 are malignant. With a plain random split the number of positives in it varies by several (a binomial standard deviation of about 5 tumours, i.e. ±4 points of positive rate), so the model would be trained on one class balance and evaluated on another, and test recall/precision would move with the luck of the split: one tumour is already 2.4 points of recall. Differences between models could then be artefacts of the split. The same argument applies to each cross-validation fold, which is why we use `StratifiedKFold`.
# --- answer_why_scaler_train_only
# The test set stands in for future patients whose data we do not have at training time, so nothing computed from it may influence training. A scaler fitted on all 569 rows would standardise with means and standard deviations that include the 114 test rows: information from the test set leaks into the features the model is trained on, and the test score becomes (slightly) optimistic. Here the effect is small because a mean and a spread over 455 vs 569 rows barely differ, but the habit matters: the same mistake with target encoding, feature selection or oversampling inflates scores badly. In cross-validation the scaler must live inside the pipeline so it is refitted on each training fold (as in section 6).
# --- answer_which_metric
# Recall of the malignant class comes first: a missed cancer (false negative) costs far more than a false alarm that leads to a follow-up exam. Recall is never reported alone, because flagging everyone gives recall 1.0, so I would report it with precision, e.g. "recall 0.98 at precision X" at the chosen threshold, plus the confusion matrix. Accuracy hides exactly the error that matters: the majority baseline already gets accuracy 0.63 with recall 0, and logistic regression's ~0.96 accuracy says nothing about the 3 missed tumours. To compare models independently of the threshold I'd use PR-AUC (average precision), which is more informative than ROC-AUC when positives are the minority.
# --- answer_before_production
# First, that the production population and measurement process match the training data (this is one hospital's dataset of 569 cases: other devices, protocols or populations shift the features), with drift monitoring once deployed. Second, calibration of the probabilities and a threshold re-chosen on fresh validation data using the clinicians' costs of a miss vs a false alarm. Third, performance per subgroup with confidence intervals: 42 test positives give a recall interval several points wide (one tumour = 2.4 points). Finally, an external or prospective validation, an error analysis of the missed cancers (e.g. the tumour scored 0.06), and a clear workflow: the model supports, not replaces, a radiologist, with a fallback when it fails.
