"""Focusing term p_t ** gamma instead of (1 - p_t) ** gamma (exp(gamma * log p_t), the log of
the wrong probability): easy examples get *more* weight."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("loss = -torch.exp(self.gamma * log_one_minus_p_t) * log_p_t",
     "loss = -torch.exp(self.gamma * log_p_t) * log_p_t"),
]}
