"""Ties grouped with np.isclose (relative tolerance 1e-5) instead of exact
equality: two distinct scores closer than that become one threshold, so the
ROC points (and every metric built on the counts) merge them."""
# (lines of the reference's _counts_at_thresholds, what this learner wrote instead)
EDITS = {"_counts_at_thresholds": [
    ("last_of_run = np.r_[np.flatnonzero(np.diff(sorted_scores) != 0), len(scores) - 1]",
     "last_of_run = np.r_[np.flatnonzero(~np.isclose(sorted_scores[1:], sorted_scores[:-1])), len(scores) - 1]"),
]}
