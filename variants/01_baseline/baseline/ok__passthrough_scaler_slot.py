"""Correct, written differently: every pipeline has the same two steps, ("scaler", ...) and ("model", ...),
and the tree ensembles fill the scaler slot with one of scikit-learn's documented empty steps
("passthrough" for the forest, None for the gradient boosting): a step that is never fitted, so the
same string (or None) in two pipelines shares nothing. The test of shared steps failed this answer
before 2026-12-07 (it compared the interned "passthrough" strings by identity)."""


def make_candidate_pipelines(random_state=42):
    def pipeline(scaler, model):
        return Pipeline([("scaler", scaler), ("model", model)])
    return {
        "logistic_regression": pipeline(StandardScaler(), LogisticRegression(random_state=random_state, max_iter=1000)),
        "random_forest": pipeline("passthrough", RandomForestClassifier(n_estimators=50, random_state=random_state)),
        "svm": pipeline(StandardScaler(), SVC(random_state=random_state)),
        "gradient_boosting": pipeline(None, HistGradientBoostingClassifier(random_state=random_state)),
    }
