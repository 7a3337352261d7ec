"""The loss is computed after the parameters were updated, so losses[0] is
not the objective at zero and the whole curve is shifted by one step."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("""
        # the objective at the current parameters, before they move
        losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))
    """, ""),
    ("bias = bias - lr * grad_b", """
        bias = bias - lr * grad_b
        residual = X @ weights + bias - y
        losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))
    """),
]}
