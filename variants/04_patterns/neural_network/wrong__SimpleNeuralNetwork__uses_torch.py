"""The reference network, except that gradients() lets PyTorch's autograd
differentiate the loss instead of backpropagating by hand: the exercise asks
for NumPy only."""
import torch


class SimpleNeuralNetwork:
    """Two-layer network for binary classification: ReLU hidden layer, sigmoid output.

    Parameters (attributes, float NumPy arrays):
        W1: (input_size, hidden_size)    b1: (hidden_size,)
        W2: (hidden_size, 1)             b2: (1,)
    Labels y may have shape (n,) or (n, 1) and must hold only 0 and 1.
    """

    def __init__(self, input_size, hidden_size, lr=0.1, random_state=0):
        """He initialisation: W1 ~ N(0, 2 / input_size), W2 ~ N(0, 2 / hidden_size),
        drawn from rng = np.random.default_rng(random_state), W1 first, each as
        standard normal draws times its standard deviation; b1 and b2 start at zero.

        Args:
            input_size: number of input features (positive int).
            hidden_size: number of hidden ReLU units (positive int).
            lr: learning rate used by backward() (positive).
            random_state: seed of the initialisation.
        Raises:
            ValueError: if a size is not a positive integer or lr is not positive.
        """
        for name, size in (("input_size", input_size), ("hidden_size", hidden_size)):
            if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
                raise ValueError(f"{name} must be a positive integer; got {size!r}")
        if not lr > 0:
            raise ValueError(f"lr must be positive; got {lr!r}")
        self.lr = float(lr)
        rng = np.random.default_rng(random_state)
        # He: variance 2 / fan_in keeps the scale of ReLU activations across layers
        self.W1 = rng.standard_normal((input_size, hidden_size)) * np.sqrt(2.0 / input_size)
        self.b1 = np.zeros(hidden_size)
        self.W2 = rng.standard_normal((hidden_size, 1)) * np.sqrt(2.0 / hidden_size)
        self.b2 = np.zeros(1)

    def _forward_pass(self, X):
        """Optional helper (not graded): (X as a float array, z1, a1, z2) for a
        batch X of shape (n, input_size).

        Raises:
            ValueError: if X is not 2-D with input_size columns and at least one row.
        """
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != self.W1.shape[0]:
            raise ValueError(f"X must have shape (n_samples, {self.W1.shape[0]}); got {X.shape}")
        z1 = X @ self.W1 + self.b1
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ self.W2 + self.b2
        return X, z1, a1, z2

    def _as_column(self, y, n_samples):
        """Optional helper (not graded): labels as a float column (n_samples, 1),
        from shape (n,) or (n, 1).

        Raises:
            ValueError: if there are not n_samples labels or a label is not 0 or 1.
        """
        y = np.asarray(y, dtype=float)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1 or y.shape[0] != n_samples:
            raise ValueError(f"y must have shape ({n_samples},) or ({n_samples}, 1); got {np.shape(y)}")
        if not np.all((y == 0) | (y == 1)):
            raise ValueError("y must contain only 0 and 1")
        return y[:, None]

    def forward(self, X):
        """Probabilities of class 1.

        Args:
            X: array (n, input_size).
        Returns:
            float array (n, 1): sigmoid(relu(X @ W1 + b1) @ W2 + b2).
        Raises:
            ValueError: if X is not 2-D with input_size columns and at least one row.
        """
        z2 = self._forward_pass(X)[3]
        # sigmoid without overflow: only ever exponentiate a non-positive number
        e = np.exp(-np.abs(z2))
        return np.where(z2 >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

    def loss(self, X, y):
        """Mean binary cross-entropy of forward(X) against y, finite for any input.

        Args:
            X: array (n, input_size).
            y: 0/1 labels, shape (n,) or (n, 1).
        Returns:
            float.
        Raises:
            ValueError: for X as in forward, or labels that are not one 0/1 per row of X.
        """
        X, _, _, z2 = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        # -[y log p + (1-y) log(1-p)] = log(1 + e^z) - y z, exact and stable
        return float(np.mean(np.logaddexp(0.0, z2) - y * z2))

    def gradients(self, X, y):
        X, _, _, _ = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        params = {name: torch.tensor(getattr(self, name), dtype=torch.float64, requires_grad=True)
                  for name in ("W1", "b1", "W2", "b2")}
        hidden = torch.relu(torch.from_numpy(X) @ params["W1"] + params["b1"])
        logits = hidden @ params["W2"] + params["b2"]
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, torch.from_numpy(y))
        loss.backward()
        return {name: param.grad.numpy().copy() for name, param in params.items()}

    def backward(self, X, y):
        """One step of gradient descent: P <- P - lr * dL/dP for W1, b1, W2, b2.

        Args:
            X: array (n, input_size).
            y: 0/1 labels, shape (n,) or (n, 1).
        """
        for name, grad in self.gradients(X, y).items():
            setattr(self, name, getattr(self, name) - self.lr * grad)

    def train(self, X, y, epochs):
        """Full-batch gradient descent.

        Args:
            X: array (n, input_size).
            y: 0/1 labels, shape (n,) or (n, 1).
            epochs: number of steps (non-negative int).
        Returns:
            list of `epochs` floats; losses[i] is loss(X, y) before step i.
        """
        losses = []
        for _ in range(epochs):
            losses.append(self.loss(X, y))
            self.backward(X, y)
        return losses

    def predict(self, X):
        """Class predictions.

        Args:
            X: array (n, input_size).
        Returns:
            int array (n,) of 0/1: 1 where forward(X) >= 0.5.
        """
        return (self.forward(X)[:, 0] >= 0.5).astype(int)
