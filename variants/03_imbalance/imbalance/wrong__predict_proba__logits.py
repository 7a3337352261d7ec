"""Returns the raw logits (no sigmoid), so later code thresholds logits instead of
probabilities."""


def predict_proba(model, X):
    X = torch.as_tensor(X, dtype=torch.float32)
    was_training = model.training
    model.eval()
    with torch.no_grad():
        logits = model(X).reshape(-1)
    model.train(was_training)
    return logits
