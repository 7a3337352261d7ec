"""Returns the parts pair by pair, (X_train, y_train, X_test, y_test), instead of
(X_train, X_test, y_train, y_test), the order train_test_split returns them in."""
# (lines of the reference's split_and_scale, what this learner wrote instead)
EDITS = {"split_and_scale": [
    ("return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test, scaler",
     "return scaler.transform(X_train), y_train, scaler.transform(X_test), y_test, scaler"),
]}
