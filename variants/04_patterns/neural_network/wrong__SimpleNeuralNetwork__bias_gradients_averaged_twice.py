"""The bias gradients take the mean over the batch of deltas that already carry the
1/n factor: b1 and b2 get gradients n times too small."""
# (lines of the reference's SimpleNeuralNetwork, what this learner wrote instead)
EDITS = {"SimpleNeuralNetwork": [
    ("""
        return {"W1": X.T @ delta1, "b1": delta1.sum(axis=0),
                "W2": a1.T @ delta2, "b2": delta2.sum(axis=0)}
    """, """
        return {"W1": X.T @ delta1, "b1": delta1.mean(axis=0),
                "W2": a1.T @ delta2, "b2": delta2.mean(axis=0)}
    """),
]}
