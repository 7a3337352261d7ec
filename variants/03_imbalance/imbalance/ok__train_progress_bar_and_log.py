"""Correct training loop with a tqdm progress bar over the epochs and a log line per epoch
(logging's last-resort handler), as many learners write one: both go to stderr, which
nbgrader counts as a failed test cell, so the grading kernel sends them as stdout."""
import logging

from tqdm import tqdm

LOG = logging.getLogger("train")

EDITS = {"train": [
    ("for _ in range(int(epochs)):",
     "for epoch in tqdm(range(int(epochs)), desc=\"epochs\"):"),
    ("epoch_losses.append(total / n_seen)",
     "epoch_losses.append(total / n_seen)\n"
     "LOG.warning(\"epoch %d: loss %.4f\", epoch + 1, total / n_seen)"),
]}
