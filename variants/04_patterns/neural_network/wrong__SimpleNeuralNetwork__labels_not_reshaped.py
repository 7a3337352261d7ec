"""y of shape (n,) is not reshaped to a column: p - y broadcasts (n, 1) against (n,) into an (n, n) matrix."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def _as_column(self, y, n_samples):
        y = np.asarray(y, dtype=float)
        if y.ndim not in (1, 2) or y.shape[0] != n_samples:
            raise ValueError(f"y must have shape ({n_samples},) or ({n_samples}, 1); got {np.shape(y)}")
        if not np.all((y == 0) | (y == 1)):
            raise ValueError("y must contain only 0 and 1")
        return y
