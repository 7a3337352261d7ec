"""The targets cast with .float() instead of .to(logits.dtype): for float64 logits the loss is
computed in float32 (BCEWithLogitsLoss's float64 value is off in the 8th digit)."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("targets = targets.to(logits.dtype)", "targets = targets.float()"),
]}
