"""The leaf value is Counter(labels).most_common(1)[0][0], which on a tie returns
the label seen first in the node, not the lowest label."""
from collections import Counter

# (lines of the reference's SimpleDecisionTree, what this learner wrote instead)
EDITS = {"SimpleDecisionTree": [
    ('node = {"prediction": int(np.argmax(counts))}  # argmax: first (lowest) class on ties',
     'node = {"prediction": Counter(labels.tolist()).most_common(1)[0][0]}'),
]}
