"""He scale for W2 computed from input_size instead of its own fan-in hidden_size."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)",
     "self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / input_size)"),
]}
