"""Only full batches are used (range(n_samples // batch_size)), so the rows
of the last, smaller batch are never trained on in that epoch."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("""
        for start in range(0, n_samples, batch_size):
            rows = order[start:start + batch_size]
    """, """
        for batch in range(max(1, n_samples // batch_size)):
            rows = order[batch * batch_size:(batch + 1) * batch_size]
    """),
]}
