"""Leaves the SVM without a scaler: RBF kernels on raw features are dominated by the largest-scale column."""


def make_candidate_pipelines(random_state=42):
    return {
        "logistic_regression": Pipeline([("scaler", StandardScaler()),
                                         ("model", LogisticRegression(random_state=random_state, max_iter=1000))]),
        "random_forest": Pipeline([("model", RandomForestClassifier(n_estimators=50, random_state=random_state))]),
        "svm": Pipeline([("model", SVC(random_state=random_state))]),
        "gradient_boosting": Pipeline([("model", HistGradientBoostingClassifier(random_state=random_state))]),
    }
