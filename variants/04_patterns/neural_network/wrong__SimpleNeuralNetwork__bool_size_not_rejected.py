"""The size check forgets that bool is a subclass of int: SimpleNeuralNetwork(True, 3)
is not rejected by the check (NumPy then fails with a TypeError, not ValueError)."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:",
     "if not isinstance(size, (int, np.integer)) or size < 1:"),
]}
