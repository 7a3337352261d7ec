"""He initialisation scales the standard normal draws by the variance 2 / fan_in
instead of its square root, so the weights are far too small (std 2/n, not sqrt(2/n))."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(2.0 / input_size)",
     "self.W1 = rng.standard_normal((input_size, hidden_size)) * (2.0 / input_size)"),
    ("self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)",
     "self.W2 = rng.standard_normal((hidden_size, 1)) * (2.0 / hidden_size)"),
]}
