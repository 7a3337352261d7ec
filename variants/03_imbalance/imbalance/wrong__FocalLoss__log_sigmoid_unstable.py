"""log(p_t) computed as torch.log of the sigmoid: for a logit of +100 on a negative, 1 - p
rounds to 0 and the loss is inf (gradients nan)."""


class FocalLoss(FocalLoss):
    def forward(self, logits, targets):
        targets = targets.to(logits.dtype)
        p = torch.sigmoid(logits)
        log_p_t = torch.log(p * targets + (1.0 - p) * (1.0 - targets))
        p_t = torch.exp(log_p_t)
        loss = -((1.0 - p_t) ** self.gamma) * log_p_t
        if self.alpha is not None:
            alpha_t = self.alpha * targets + (1.0 - self.alpha) * (1.0 - targets)
            loss = alpha_t * loss
        return loss.mean()
