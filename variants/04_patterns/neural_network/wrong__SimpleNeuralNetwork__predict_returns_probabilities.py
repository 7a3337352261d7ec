"""predict returns the probabilities from forward instead of 0/1 labels."""


class SimpleNeuralNetwork(SimpleNeuralNetwork):
    def predict(self, X):
        return self.forward(X)
