"""Xavier/LeCun initialisation std sqrt(1 / fan_in) instead of He's sqrt(2 / fan_in)."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(2.0 / input_size)",
     "self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(1.0 / input_size)"),
    ("self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)",
     "self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(1.0 / hidden_size)"),
]}
