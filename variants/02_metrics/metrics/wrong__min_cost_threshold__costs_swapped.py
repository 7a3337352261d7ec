"""Multiplies the false positives by cost_fn and the false negatives by cost_fp."""
# (lines of the reference's min_cost_threshold, what this learner wrote instead)
EDITS = {"min_cost_threshold": [
    ("costs = cost_fp * np.r_[0, fps] + cost_fn * (n_pos - np.r_[0, tps])",
     "costs = cost_fn * np.r_[0, fps] + cost_fp * (n_pos - np.r_[0, tps])"),
]}
