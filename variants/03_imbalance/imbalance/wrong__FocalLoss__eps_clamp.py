"""Probabilities clamped to [1e-7, 1 - 1e-7] before the log: finite, but a confident mistake
(logit +-100) costs 16 instead of 100."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("""
        # -log(p_t) is the per-sample binary cross-entropy, computed stably from logits.
        log_p_t = -F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    """, """
        p = torch.sigmoid(logits).clamp(1e-7, 1 - 1e-7)
        log_p_t = torch.log(p * targets + (1.0 - p) * (1.0 - targets))
    """),
]}
