"""The L2 penalty is added to the reported loss but not to the gradient, so
the weights converge to ordinary least squares instead of ridge."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("grad_w = (2.0 / n_samples) * (X.T @ residual) + 2.0 * l2 * weights",
     "grad_w = (2.0 / n_samples) * (X.T @ residual)"),
]}
