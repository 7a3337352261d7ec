"""epochs=0 refused with ValueError (the habit of 03's train(), which needs an epoch), where the
instructions allow it: no update, the zero model and an empty list of losses."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("if l2 < 0:", "if l2 < 0 or epochs < 1:"),
]}
