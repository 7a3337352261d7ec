"""The hidden layer uses the sigmoid activation (in _forward_pass) and its derivative
a1 * (1 - a1) (in gradients) instead of ReLU."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("a1 = np.maximum(z1, 0.0)",
     "a1 = 1 / (1 + np.exp(-z1))"),
    ("delta1 = (delta2 @ self.W2.T) * (z1 > 0)     # dL/dz1, (n, h): ReLU' at z1",
     "delta1 = (delta2 @ self.W2.T) * a1 * (1 - a1)"),
]}
