"""Validates alpha <= 1 only: a negative alpha is accepted."""
# (lines of the reference's FocalLoss, what this learner wrote instead)
EDITS = {"FocalLoss": [
    ("""
        if alpha is not None and not 0.0 <= alpha <= 1.0:
    """, """
        if alpha is not None and alpha > 1.0:
    """),
]}
