"""The L2 term of the gradient is written as l2 * w (a common shortcut from
the 'lambda/2 ||w||^2' convention) while the objective is l2 * ||w||^2, whose
derivative is 2 * l2 * w: the optimiser minimises a different objective
than the one it reports."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("grad_w = (2.0 / n_samples) * (X.T @ residual) + 2.0 * l2 * weights",
     "grad_w = (2.0 / n_samples) * (X.T @ residual) + l2 * weights"),
]}
