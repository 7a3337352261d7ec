"""The bias starts as np.zeros(1) and is returned as it is: an array of
shape (1,) instead of a float, which float() no longer accepts."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("bias = 0.0", "bias = np.zeros(1)"),
    ("return weights, float(bias), losses", "return weights, bias, losses"),
]}
