"""backward is written out layer by layer and updates W2 before back-propagating
to the hidden layer: delta1 is computed with the NEW W2, so the step on W1 and b1
is not the gradient at the current parameters."""
import numpy as np


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def backward(self, X, y):
        X, z1, a1, z2 = self._forward_pass(X)
        y = self._as_column(y, X.shape[0])
        n = X.shape[0]
        p = 1.0 / (1.0 + np.exp(-z2))
        d2 = (p - y) / n
        self.W2 = self.W2 - self.lr * (a1.T @ d2)
        self.b2 = self.b2 - self.lr * d2.sum(axis=0)
        d1 = (d2 @ self.W2.T) * (z1 > 0)
        self.W1 = self.W1 - self.lr * (X.T @ d1)
        self.b1 = self.b1 - self.lr * d1.sum(axis=0)
