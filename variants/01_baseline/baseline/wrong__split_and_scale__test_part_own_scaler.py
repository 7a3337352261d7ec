"""Fits the returned scaler on the training part, but standardises the test part
with a scaler of its own, fitted on the test rows: the test part's mean and
spread leak into its features."""
# (lines of the reference's split_and_scale, what this learner wrote instead)
EDITS = {"split_and_scale": [
    ("return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test, scaler",
     "return scaler.transform(X_train), StandardScaler().fit_transform(X_test), y_train, y_test, scaler"),
]}
