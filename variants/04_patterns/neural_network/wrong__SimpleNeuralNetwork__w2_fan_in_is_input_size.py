"""He scale for W2 computed from input_size instead of its own fan-in hidden_size."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        for name, size in (("input_size", input_size), ("hidden_size", hidden_size)):
            if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
                raise ValueError(f"{name} must be a positive integer; got {size!r}")
        if not lr > 0:
            raise ValueError(f"lr must be positive; got {lr!r}")
        self.lr = float(lr)
        rng = np.random.default_rng(random_state)
        self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(2.0 / input_size)
        self.b1 = np.zeros(hidden_size)
        self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / input_size)
        self.b2 = np.zeros(1)
