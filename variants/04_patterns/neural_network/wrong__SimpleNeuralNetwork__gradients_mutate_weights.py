"""gradients() applies the update itself (backward and gradients merged), so asking for the gradients changes the weights."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("""
        return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
    """, """
        grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                 "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
        for name, grad in grads.items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
        return grads
    """),
    ("""
        for name, grad in self.gradients(X, y).items():
            setattr(self, name, getattr(self, name) - self.lr * grad)
    """, "self.gradients(X, y)"),
]}
