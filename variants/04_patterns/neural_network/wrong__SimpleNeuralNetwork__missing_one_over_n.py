"""The gradients are sums over the batch, not means: the 1/n of the mean loss is missing."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("delta2 = (p - y) / n_samples                 # dL/dz2, (n, 1)",
     "delta2 = p - y"),
]}
