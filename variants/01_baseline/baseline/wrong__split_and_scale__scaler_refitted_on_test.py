"""Scales both parts with the same scaler, but through fit_transform each time:
scaler.fit_transform(X_test) refits it on the test part, so the test part is
scaled with its own statistics and the scaler returned is the test part's."""
# (lines of the reference's split_and_scale, what this learner wrote instead)
EDITS = {"split_and_scale": [
    ("""
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test, scaler
    """, """
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_test = scaler.fit_transform(X_test)
    return X_train, X_test, y_train, y_test, scaler
    """),
]}
