"""On a tie at a leaf the highest label wins (the last maximum) instead of the
lowest."""
# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ('node = {"prediction": int(np.argmax(counts))}  # argmax: first (lowest) class on ties',
     'node = {"prediction": n_classes - 1 - int(np.argmax(counts[::-1]))}'),
]}
