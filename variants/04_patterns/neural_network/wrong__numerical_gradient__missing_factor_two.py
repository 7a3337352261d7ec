"""The central difference is divided by eps instead of 2 * eps: gradients twice too large."""
# (lines of the reference's numerical_gradient, what this learner wrote instead)
EDITS = {"numerical_gradient": [
    ("grad[index] = (loss_plus - loss_minus) / (2 * eps)",
     "grad[index] = (loss_plus - loss_minus) / eps"),
]}
