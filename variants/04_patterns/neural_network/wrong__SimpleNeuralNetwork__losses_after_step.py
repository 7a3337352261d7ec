"""train records the loss after each update instead of before it."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def train(self, X, y, epochs):
        losses = []
        for _ in range(epochs):
            self.backward(X, y)
            losses.append(self.loss(X, y))
        return losses
