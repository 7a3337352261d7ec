"""log(p_t) computed as torch.log of the sigmoid: for a logit of +100 on a negative, 1 - p
rounds to 0 and the loss is inf (gradients nan)."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("""
        # -log(p_t) is the per-sample binary cross-entropy, computed stably from logits.
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    """, """
        p = torch.sigmoid(logits)
        log_p_t = torch.log(p * targets + (1.0 - p) * (1.0 - targets))
    """),
]}
