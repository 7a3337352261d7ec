"""The shape check tests ndim and the number of columns but not n >= 1: an
X with 0 rows gives an empty (0, 1) output instead of a ValueError (and the
loss and gradients divide by n = 0)."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != self.W1.shape[0]:",
     "if X.ndim != 2 or X.shape[1] != self.W1.shape[0]:"),
]}
