"""Buys recall with a very strong class weight: nearly everything is flagged, precision collapses."""


def improved_model(X_train, y_train, random_state=42):
    check_binary_labels(y_train, "y_train")
    return LogisticRegression(C=0.001, class_weight={0: 1, 1: 50}, random_state=random_state,
                              max_iter=1000).fit(X_train, y_train)
