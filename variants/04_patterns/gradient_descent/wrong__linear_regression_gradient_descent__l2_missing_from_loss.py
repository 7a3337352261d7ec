"""The gradient includes the L2 term but the recorded loss is only the MSE,
so the reported losses are not the objective being minimised."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))",
     "losses.append(float(np.mean(residual ** 2)))"),
]}
