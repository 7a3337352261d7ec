"""Randomness comes from the global np.random (seeded once with
np.random.seed) instead of np.random.default_rng(random_state): the result
changes the global state for everyone and follows a different stream."""
# (lines of the reference's minibatch_sgd, what this learner wrote instead)
EDITS = {"minibatch_sgd": [
    ("rng = np.random.default_rng(random_state)",
     "np.random.seed(random_state)"),
    ("order = rng.permutation(n_samples)           # a fresh shuffle every epoch",
     "order = np.random.permutation(n_samples)"),
]}
