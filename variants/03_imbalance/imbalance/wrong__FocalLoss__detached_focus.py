"""The focusing factor is treated as a constant: p_t is detached ("it is only a weight"), so the
value is right but the gradient lacks the term of (1 - p_t)^gamma, and training follows a
different loss from focal loss."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("p_t = torch.exp(log_p_t)",
     "p_t = torch.exp(log_p_t).detach()"),
]}
