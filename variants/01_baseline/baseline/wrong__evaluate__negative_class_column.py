"""Takes the first column of predict_proba, the probability of class 0
(benign), as the probability of the positive class."""
# (lines of the reference's evaluate, what this learner wrote instead)
EDITS = {"evaluate": [
    ("proba = np.asarray(model.predict_proba(X_test))[:, 1]",
     "proba = np.asarray(model.predict_proba(X_test))[:, 0]"),
]}
