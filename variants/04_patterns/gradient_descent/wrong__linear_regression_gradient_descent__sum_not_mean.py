"""The gradient sums over the rows instead of averaging (the 1/n is
missing), so each step is n times too large for the objective it reports."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("grad_w = (2.0 / n_samples) * (X.T @ residual) + 2.0 * l2 * weights",
     "grad_w = 2.0 * (X.T @ residual) + 2.0 * l2 * weights"),
    ("grad_b = (2.0 / n_samples) * residual.sum()  # the bias is not penalised",
     "grad_b = 2.0 * residual.sum()"),
]}
