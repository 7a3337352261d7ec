"""Forward difference (L(theta + eps) - L(theta)) / eps: error O(eps) instead of O(eps^2)."""
# (lines of the reference's numerical_gradient, what this learner wrote instead)
EDITS = {"numerical_gradient": [
    ("values[index] = original[index] - eps",
     "values[index] = original[index]"),
    ("grad[index] = (loss_plus - loss_minus) / (2 * eps)",
     "grad[index] = (loss_plus - loss_minus) / eps"),
]}
