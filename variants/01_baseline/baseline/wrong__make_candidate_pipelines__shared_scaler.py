"""One StandardScaler object is put in both the logistic-regression and the SVM
pipeline: fitting one pipeline refits the scaler the other one uses."""


def make_candidate_pipelines(random_state=42):
    scaler = StandardScaler()
    return {
        "logistic_regression": Pipeline([("scaler", scaler),
                                         ("model", LogisticRegression(random_state=random_state, max_iter=1000))]),
        "random_forest": Pipeline([("model", RandomForestClassifier(n_estimators=50, random_state=random_state))]),
        "svm": Pipeline([("scaler", scaler), ("model", SVC(random_state=random_state))]),
        "gradient_boosting": Pipeline([("model", HistGradientBoostingClassifier(random_state=random_state))]),
    }
