"""The data is shuffled once before the epoch loop, so every epoch visits the
batches in the same order."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("order = rng.permutation(n_samples)           # a fresh shuffle every epoch",
     ""),
    ("rng = np.random.default_rng(random_state)", """
        rng = np.random.default_rng(random_state)
        order = rng.permutation(n_samples)
    """),
]}
