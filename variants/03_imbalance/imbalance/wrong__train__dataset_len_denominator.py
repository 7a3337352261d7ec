"""Divides the epoch's summed loss by len(loader.dataset) instead of the samples
actually seen."""
# (lines of the reference's train, what this learner wrote instead)
EDITS = {"train": [
    ("""
        epoch_losses.append(total / n_seen)
    """, """
        epoch_losses.append(total / len(loader.dataset))
    """),
]}
