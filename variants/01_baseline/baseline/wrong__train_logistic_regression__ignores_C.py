"""Drops the C argument, so every model gets the default regularisation."""


def train_logistic_regression(X_train, y_train, C=1.0, class_weight=None):
    check_binary_labels(y_train, "y_train")
    model = LogisticRegression(class_weight=class_weight, random_state=42, max_iter=1000)
    return model.fit(X_train, y_train)
