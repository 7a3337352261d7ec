"""Focusing term p_t ** gamma instead of (1 - p_t) ** gamma: easy examples get *more*
weight."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("loss = -((1.0 - p_t) ** self.gamma) * log_p_t",
     "loss = -(p_t ** self.gamma) * log_p_t"),
]}
