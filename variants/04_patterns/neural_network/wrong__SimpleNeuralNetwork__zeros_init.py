"""All weights start at zero: no symmetry breaking."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(2.0 / input_size)",
     "self.W1 = np.zeros((input_size, hidden_size))"),
    ("self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)",
     "self.W2 = np.zeros((hidden_size, 1))"),
]}
