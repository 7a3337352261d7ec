"""Correct, written with other scikit-learn tools: the majority baseline is a
DummyClassifier(strategy="most_frequent") fitted on the training labels; the
recall threshold is read off precision_recall_curve (the highest threshold whose
recall reaches the target); the candidates are built with make_pipeline, the
classic GradientBoostingClassifier and an SVC with probability=True; the CV
table is built from one cross_val_score call per metric on the same folds."""
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline


def majority_baseline(y_train, y_test):
    y_train, y_test = (check_binary_labels(labels, name, both_classes=False)
                       for labels, name in ((y_train, "y_train"), (y_test, "y_test")))
    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
    y_pred = dummy.predict(np.zeros((len(y_test), 1)))
    return {
        "accuracy": accuracy_score(y_test, y_pred),
        "precision": precision_score(y_test, y_pred, zero_division=0),
        "recall": recall_score(y_test, y_pred, zero_division=0),
        "f1": f1_score(y_test, y_pred, zero_division=0),
    }


def threshold_for_recall(y_true, proba, min_recall=0.98):
    y_true = np.asarray(y_true)
    proba = np.asarray(proba, dtype=float)
    if y_true.size == 0 or not set(np.unique(y_true).tolist()) <= {0, 1}:
        raise ValueError("y_true must be labels 0 and 1")
    if y_true.shape != proba.shape:
        raise ValueError("y_true and proba differ in length")
    if not 0 < min_recall <= 1:
        raise ValueError("min_recall must lie in (0, 1]")
    if not (y_true == 1).any():
        raise ValueError("no positive in y_true")
    _, recall, thresholds = precision_recall_curve(y_true, proba)
    # recall[i] is the recall of proba >= thresholds[i]; recall falls as the threshold rises
    reached = thresholds[recall[:-1] >= min_recall]
    return float(reached.max())


def make_candidate_pipelines(random_state=42):
    return {
        "logistic_regression": make_pipeline(StandardScaler(),
                                             LogisticRegression(max_iter=1000, random_state=random_state)),
        "random_forest": make_pipeline(RandomForestClassifier(random_state=random_state)),
        "svm": make_pipeline(StandardScaler(), SVC(probability=True, random_state=random_state)),
        "gradient_boosting": make_pipeline(GradientBoostingClassifier(random_state=random_state)),
    }


def cross_validate_models(X, y, cv=5, random_state=42):
    if len(np.unique(y)) != 2 or not np.isin(y, (0, 1)).all():
        raise ValueError("y must hold both labels 0 and 1, and nothing else")
    folds = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
    table = {}
    for name, pipe in make_candidate_pipelines(random_state=random_state).items():
        row = {}
        for metric in ("recall", "f1", "roc_auc"):
            scores = cross_val_score(pipe, X, y, cv=folds, scoring=metric)
            row[metric + "_mean"] = scores.mean()
            row[metric + "_std"] = np.std(scores)
        table[name] = row
    return pd.DataFrame(table).T[["recall_mean", "recall_std", "f1_mean", "f1_std",
                                  "roc_auc_mean", "roc_auc_std"]]
