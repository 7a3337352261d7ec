"""The focusing factor written as torchvision's sigmoid_focal_loss writes it, (1 - p_t) ** gamma
with p_t mixed from sigmoid(logits): the same value, but for 0 < gamma < 1 and a confident right
answer in float32 (logit +100 for a positive) p_t rounds to 1 and the gradient is 0 * inf = nan,
the failure Hint 3 warns about."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("log_one_minus_p_t = -F.binary_cross_entropy_with_logits(logits, 1.0 - targets, reduction=\"none\")",
     "p_t = torch.sigmoid(logits) * targets + (1.0 - torch.sigmoid(logits)) * (1.0 - targets)"),
    ("loss = -torch.exp(self.gamma * log_one_minus_p_t) * log_p_t",
     "loss = -((1.0 - p_t) ** self.gamma) * log_p_t"),
]}
