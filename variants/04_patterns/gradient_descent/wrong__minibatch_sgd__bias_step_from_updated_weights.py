"""The bias step recomputes the residuals after the weights have moved, so
the weights and the bias no longer step along the same batch gradient."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("""
        grad_b = (2.0 / len(rows)) * residual.sum()
        weights = weights - lr * grad_w
    """, """
        weights = weights - lr * grad_w
        residual = X_batch @ weights + bias - y_batch
        grad_b = (2.0 / len(rows)) * residual.sum()
    """),
]}
