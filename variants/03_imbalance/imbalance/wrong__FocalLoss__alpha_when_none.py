"""alpha=None treated as alpha=0.5 ("equal weights"): every sample gets a_t = 0.5, so
FocalLoss(alpha=None, gamma=0) is half the BCE."""


class FocalLoss(nn.Module):
    def __init__(self, alpha=0.25, gamma=2.0):
        super().__init__()
        if alpha is not None and not 0.0 <= alpha <= 1.0:
            raise ValueError(f"alpha must be in [0, 1] or None, got {alpha}")
        if gamma < 0:
            raise ValueError(f"gamma must be >= 0, got {gamma}")
        self.alpha = 0.5 if alpha is None else alpha
        self.gamma = gamma

    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        p_t = torch.exp(log_p_t)
        alpha_t = self.alpha * targets + (1.0 - self.alpha) * (1.0 - targets)
        return (-alpha_t * (1.0 - p_t) ** self.gamma * log_p_t).mean()
