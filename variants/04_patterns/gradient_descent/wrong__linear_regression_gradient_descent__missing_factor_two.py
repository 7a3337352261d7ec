"""The gradient of mean(residual**2) is written without the factor 2 that
comes out of the square: every step is half as long as it should be, and the
step no longer matches the finite-difference gradient."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("grad_w = (2.0 / n_samples) * (X.T @ residual) + 2.0 * l2 * weights",
     "grad_w = (1.0 / n_samples) * (X.T @ residual) + l2 * weights"),
    ("grad_b = (2.0 / n_samples) * residual.sum()  # the bias is not penalised",
     "grad_b = (1.0 / n_samples) * residual.sum()"),
]}
