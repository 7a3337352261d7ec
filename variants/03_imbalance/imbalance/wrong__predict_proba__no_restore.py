"""Switches to eval mode and leaves the model there: the caller's next training epoch runs
without dropout unless it calls model.train() itself."""


def predict_proba(model, X):
    X = torch.as_tensor(X, dtype=torch.float32)
    model.eval()
    with torch.no_grad():
        return torch.sigmoid(model(X)).reshape(-1)
