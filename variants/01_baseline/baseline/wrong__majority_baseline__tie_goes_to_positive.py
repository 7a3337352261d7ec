"""Takes the majority as "mean of the labels >= 0.5": on a tie in y_train it
predicts 1, where the text says that on a tie the lower label wins."""
# (lines of the reference's majority_baseline, what this learner wrote instead)
EDITS = {"majority_baseline": [
    ("""
    values, counts = np.unique(y_train, return_counts=True)
    majority = values[np.argmax(counts)]
    """, "majority = int(y_train.mean() >= 0.5)"),
]}
