"""The update climbs the loss: P + lr * grad instead of P - lr * grad."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def backward(self, X, y):
        for name, grad in self.gradients(X, y).items():
            setattr(self, name, getattr(self, name) + self.lr * grad)
