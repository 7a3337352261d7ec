"""Correct: the same model, with the (default) L2 penalty written out, as most tutorials do.
scikit-learn 1.8 warns that 'penalty' is deprecated (a FutureWarning on stderr), which
must not cost the test cell its points."""


def train_logistic_regression(X_train, y_train, C=1.0, class_weight=None):
    if set(np.unique(y_train).tolist()) != {0, 1}:
        raise ValueError("y_train must hold the labels 0 and 1, both, and no other")
    model = LogisticRegression(penalty="l2", C=C, class_weight=class_weight,
                               random_state=42, max_iter=1000)
    return model.fit(X_train, y_train)
