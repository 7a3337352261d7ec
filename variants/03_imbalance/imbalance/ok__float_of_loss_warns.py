"""Correct training loop that records each batch loss with float(loss) instead of loss.item()
(the same Python float; torch warns about converting a tensor that requires grad to a
scalar, a UserWarning on stderr, which must not cost the test cell its points)."""
EDITS = {"train": [
    ("total += loss.item() * len(yb)",
     "total += float(loss) * len(yb)"),
]}
