"""Fits the scaler on all rows before splitting: the test set leaks into the training features."""


def split_and_scale(X, y, test_size=0.2, random_state=42):
    check_binary_labels(y)
    scaler = StandardScaler().fit(X)
    X_scaled = scaler.transform(X)
    X_train, X_test, y_train, y_test = train_test_split(
        X_scaled, y, test_size=test_size, random_state=random_state, stratify=y)
    return X_train, X_test, y_train, y_test, scaler
