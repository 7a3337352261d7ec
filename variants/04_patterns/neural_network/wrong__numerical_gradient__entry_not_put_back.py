"""Nudges each entry to theta + eps and theta - eps but puts it back only at the
end, with the whole array: every entry is estimated while the ones before it
still sit at theta - eps, so all but the first are off by about 1e-6."""
# (lines of the reference's numerical_gradient, what this learner wrote instead)
EDITS = {"numerical_gradient": [
    ("""
            loss_minus = model.loss(X, y)
            values[index] = original[index]
    """, """
            loss_minus = model.loss(X, y)
    """),
]}
