"""Each layer gets its own np.random.default_rng(random_state), so W2 is drawn
from the same stream as W1: W2's entries are the first draws of W1 rescaled
(W2[:, 0] is W1's first row times sqrt(input_size / hidden_size)), not
independent weights."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)",
     "self.W2 = np.random.default_rng(random_state).standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)"),
]}
