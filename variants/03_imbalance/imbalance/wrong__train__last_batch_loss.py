"""Records only the loss of the last batch of each epoch instead of the epoch's mean."""
# (lines of the reference's train, what this learner wrote instead)
EDITS = {"train": [
    ("epoch_losses.append(total / n_seen)",
     "epoch_losses.append(loss.item())"),
]}
