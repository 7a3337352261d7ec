"""The learner centres X in place to 'help' convergence (X -= X.mean(axis=0))
and undoes it in the bias; the caller's array is modified."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("weights = np.zeros(n_features)", """
        x_mean = X.mean(axis=0)
        X -= x_mean
        weights = np.zeros(n_features)
    """),
    ("return weights, float(bias), losses",
     "return weights, float(bias - x_mean @ weights), losses"),
]}
