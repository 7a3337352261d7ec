"""Model put in eval mode for training ("so that dropout does not add noise to the loss"):
dropout never acts during training."""
# (lines of the reference's train, what this learner wrote instead)
EDITS = {"train": [
    ("model.train()",
     "model.eval()"),
]}
