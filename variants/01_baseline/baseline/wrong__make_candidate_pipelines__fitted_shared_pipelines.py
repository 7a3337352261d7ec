"""Builds the pipelines once at module level and returns the same objects on every call, ignoring random_state."""

_PIPELINES = {
    "logistic_regression": Pipeline([("scaler", StandardScaler()),
                                     ("model", LogisticRegression(random_state=42, max_iter=1000))]),
    "random_forest": Pipeline([("model", RandomForestClassifier(n_estimators=50, random_state=42))]),
    "svm": Pipeline([("scaler", StandardScaler()), ("model", SVC(random_state=42))]),
    "gradient_boosting": Pipeline([("model", HistGradientBoostingClassifier(random_state=42))]),
}


def make_candidate_pipelines(random_state=42):
    return _PIPELINES
