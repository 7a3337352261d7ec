"""The bias is treated as one more weight: it is penalised by L2 (in the
loss and the gradient), which pulls the intercept towards zero."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))",
     "losses.append(float(np.mean(residual ** 2) + l2 * (weights @ weights + bias ** 2)))"),
    ("grad_b = (2.0 / n_samples) * residual.sum()  # the bias is not penalised",
     "grad_b = (2.0 / n_samples) * residual.sum() + 2.0 * l2 * bias"),
]}
