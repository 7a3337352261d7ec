"""The ReLU derivative is taken to be the activation itself (delta * a1) instead of the indicator z1 > 0."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("delta1 = (delta2 @ self.W2.T) * (z1 > 0)     # dL/dz1, (n, h): ReLU' at z1",
     "delta1 = (delta2 @ self.W2.T) * a1"),
]}
