"""The batch gradient is summed over the rows of the batch instead of
averaged, so the effective learning rate grows with the batch size."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("grad_w = (2.0 / len(rows)) * (X_batch.T @ residual)",
     "grad_w = 2.0 * (X_batch.T @ residual)"),
    ("grad_b = (2.0 / len(rows)) * residual.sum()",
     "grad_b = 2.0 * residual.sum()"),
]}
