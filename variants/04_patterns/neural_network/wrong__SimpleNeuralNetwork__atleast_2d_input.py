"""A "convenient" np.atleast_2d turns a 1-D X of input_size values into one
row, so forward accepts a 1-D array that the contract says must raise ValueError."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("""
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != self.W1.shape[0]:
    """, """
    X = np.atleast_2d(np.asarray(X, dtype=float))
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != self.W1.shape[0]:
    """),
]}
