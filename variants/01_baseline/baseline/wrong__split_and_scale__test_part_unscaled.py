"""Fits the scaler on the training part and scales that part, but returns the
test part as train_test_split gave it, unscaled."""
# (lines of the reference's split_and_scale, what this learner wrote instead)
EDITS = {"split_and_scale": [
    ("return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test, scaler",
     "return scaler.transform(X_train), X_test, y_train, y_test, scaler"),
]}
