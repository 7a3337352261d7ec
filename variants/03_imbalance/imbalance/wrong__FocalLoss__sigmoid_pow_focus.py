"""The focusing factor taken as a power of a probability, (1 - p_t) ** gamma with 1 - p_t =
sigmoid(-z) for a positive and sigmoid(z) for a negative: the right value, and finite at logits of
+-40, but sigmoid(-100) is 0 in float32, so for 0 < gamma < 1 and a confident right answer at +-100
the gradient is 0 * inf = nan."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("log_one_minus_p_t = -F.binary_cross_entropy_with_logits(logits, 1.0 - targets, reduction=\"none\")",
     "one_minus_p_t = torch.where(targets == 1, torch.sigmoid(-logits), torch.sigmoid(logits))"),
    ("loss = -torch.exp(self.gamma * log_one_minus_p_t) * log_p_t",
     "loss = -(one_minus_p_t ** self.gamma) * log_p_t"),
]}
