"""No torch.no_grad(): a graph is built for every prediction and the result requires grad."""


def predict_proba(model, X):
    X = torch.as_tensor(X, dtype=torch.float32)
    was_training = model.training
    model.eval()
    proba = torch.sigmoid(model(X)).reshape(-1)
    model.train(was_training)
    return proba
