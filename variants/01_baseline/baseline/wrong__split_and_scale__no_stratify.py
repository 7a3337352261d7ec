"""Forgets stratify=y: the test set's positive rate drifts with the luck of the split."""


def split_and_scale(X, y, test_size=0.2, random_state=42):
    check_binary_labels(y)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=random_state)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test, scaler
