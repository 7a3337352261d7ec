"""Focusing term p_t ** gamma instead of (1 - p_t) ** gamma: easy examples get *more*
weight."""


class FocalLoss(FocalLoss):
    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        p_t = torch.exp(log_p_t)
        loss = -(p_t ** self.gamma) * log_p_t
        if self.alpha is not None:
            alpha_t = self.alpha * targets + (1.0 - self.alpha) * (1.0 - targets)
            loss = alpha_t * loss
        return loss.mean()
