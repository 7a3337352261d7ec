"""The error is passed back through W2 but not multiplied by the ReLU derivative (hidden layer treated as linear)."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("delta1 = (delta2 @ self.W2.T) * (z1 > 0)     # dL/dz1, (n, h): ReLU' at z1",
     "delta1 = delta2 @ self.W2.T"),
]}
