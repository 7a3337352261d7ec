"""Probabilities clamped to [1e-7, 1 - 1e-7] before the log: finite, but a confident mistake
(logit +-100) costs 16 instead of 100."""


class FocalLoss(FocalLoss):
    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        p = torch.sigmoid(logits).clamp(1e-7, 1 - 1e-7)
        log_p_t = torch.log(p * targets + (1.0 - p) * (1.0 - targets))
        p_t = torch.exp(log_p_t)
        loss = -((1.0 - p_t) ** self.gamma) * log_p_t
        if self.alpha is not None:
            alpha_t = self.alpha * targets + (1.0 - self.alpha) * (1.0 - targets)
            loss = alpha_t * loss
        return loss.mean()
