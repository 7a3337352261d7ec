"""Flattens the logits with squeeze(): a single sample comes back as a 0-d tensor, not shape (1,)."""
# (lines of the reference's predict_proba, what this learner wrote instead)
EDITS = {"predict_proba": [
    ("proba = torch.sigmoid(model(X)).reshape(-1)",
     "proba = torch.sigmoid(model(X)).squeeze()"),
]}
