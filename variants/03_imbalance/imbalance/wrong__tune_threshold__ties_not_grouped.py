"""Scores F1 at every sorted position (descending via argsort()[::-1]) without
grouping tied scores: a threshold equal to a tied score is scored as if only
part of the tied samples were flagged."""
# (lines of the reference's tune_threshold, what this learner wrote instead)
EDITS = {"tune_threshold": [
    ("""
    order = np.argsort(-scores, kind="stable")
    sorted_scores = scores[order]
    true_positives = np.cumsum(labels[order])
    n_predicted = np.arange(1, len(scores) + 1)
    # Keep the last position of each distinct score: predicting ">= that score".
    last = np.r_[sorted_scores[1:] != sorted_scores[:-1], True]
    f1 = 2 * true_positives[last] / (n_predicted[last] + n_positive)
    # Thresholds are in decreasing order, so the first maximum is the highest threshold.
    return float(sorted_scores[last][np.argmax(f1)])
    """, """
    order = np.argsort(scores, kind="stable")[::-1]
    sorted_scores = scores[order]
    true_positives = np.cumsum(labels[order])
    n_predicted = np.arange(1, len(scores) + 1)
    f1 = 2 * true_positives / (n_predicted + n_positive)
    return float(sorted_scores[np.argmax(f1)])
    """),
]}
