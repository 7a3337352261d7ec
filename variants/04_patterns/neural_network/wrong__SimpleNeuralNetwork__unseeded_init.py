"""Weights drawn from the global np.random state; random_state is ignored."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("rng = np.random.default_rng(random_state)",
     "rng = np.random"),
]}
