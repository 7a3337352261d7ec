"""Returns the baseline logistic regression: nothing was improved."""


def improved_model(X_train, y_train, random_state=42):
    check_binary_labels(y_train, "y_train")
    return LogisticRegression(random_state=random_state, max_iter=1000).fit(X_train, y_train)
