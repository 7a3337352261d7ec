"""alpha applied to the negatives and 1 - alpha to the positives."""


class FocalLoss(nn.Module):
    def __init__(self, alpha=0.25, gamma=2.0):
        super().__init__()
        if alpha is not None and not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be in [0, 1] or None, got {alpha}")
        if gamma < 0:
            raise ValueError(f"gamma must be >= 0, got {gamma}")
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        loss = -((1.0 - torch.exp(log_p_t)) ** self.gamma) * log_p_t
        if self.alpha is not None:
            loss = ((1.0 - self.alpha) * targets + self.alpha * (1.0 - targets)) * loss
        return loss.mean()
