"""Predicts without model.eval(): dropout stays on, predictions are noisy."""


def predict_proba(model, X):
    X = torch.as_tensor(X, dtype=torch.float32)
    with torch.no_grad():
        return torch.sigmoid(model(X)).reshape(-1)
