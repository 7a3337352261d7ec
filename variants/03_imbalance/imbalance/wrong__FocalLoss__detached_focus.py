"""The focusing factor is treated as a constant: (1 - p_t)^gamma is detached ("it is only a
weight"), so the value is right but the gradient lacks the factor's own term, and training
follows a different loss from focal loss."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("loss = -torch.exp(self.gamma * log_one_minus_p_t) * log_p_t",
     "loss = -torch.exp(self.gamma * log_one_minus_p_t).detach() * log_p_t"),
]}
