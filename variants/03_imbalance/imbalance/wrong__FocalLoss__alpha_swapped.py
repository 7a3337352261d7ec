"""alpha applied to the negatives and 1 - alpha to the positives."""


class FocalLoss(FocalLoss):
    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
        p_t = torch.exp(log_p_t)
        loss = -((1.0 - p_t) ** self.gamma) * log_p_t
        if self.alpha is not None:
            alpha_t = (1.0 - self.alpha) * targets + self.alpha * (1.0 - targets)
            loss = alpha_t * loss
        return loss.mean()
