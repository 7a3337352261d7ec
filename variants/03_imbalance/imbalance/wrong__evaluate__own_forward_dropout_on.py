"""Computes the probabilities with its own forward pass under no_grad instead of predict_proba,
and forgets model.eval(): dropout stays on while evaluating."""
# (lines of the reference's evaluate, what this learner wrote instead)
EDITS = {"evaluate": [
    ("proba = predict_proba(model, X).numpy().astype(float)",
     """
    with torch.no_grad():
        proba = torch.sigmoid(model(torch.as_tensor(X, dtype=torch.float32))).reshape(-1).numpy().astype(float)
    """),
]}
