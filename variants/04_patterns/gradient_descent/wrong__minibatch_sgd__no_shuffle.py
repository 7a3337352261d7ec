"""The rows are visited in their original order every epoch: random_state is
ignored and batches follow whatever order the file happens to have."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("order = rng.permutation(n_samples)           # a fresh shuffle every epoch",
     "order = np.arange(n_samples)"),
]}
