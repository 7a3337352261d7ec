"""Correct, with the device-agnostic idiom: X moved to the dtype and device of the model's
first parameter (next(model.parameters())), the probabilities brought back to the CPU."""


def predict_proba(model, X):
    first = next(model.parameters())
    X = torch.as_tensor(X, dtype=first.dtype, device=first.device)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            proba = torch.sigmoid(model(X)).reshape(-1)
    finally:
        model.train(was_training)
    return proba.cpu()
