"""Correct, written with other torch tools: predict_proba runs under torch.inference_mode()
instead of torch.no_grad() (its result is an inference tensor) and restores the mode with
model.train(mode) in a finally block; the sampler's per-sample weights are computed in
torch (bincount of the labels, indexed by the labels)."""


def predict_proba(model, X):
    mode = model.training
    X = torch.as_tensor(X, dtype=torch.float32)
    model.eval()
    try:
        with torch.inference_mode():
            return torch.sigmoid(model(X)).flatten()
    finally:
        model.train(mode)


def make_balanced_sampler(y):
    labels = torch.as_tensor(as_labels(y)).long()
    counts = torch.bincount(labels, minlength=2).double()
    return WeightedRandomSampler(1.0 / counts[labels], num_samples=len(labels), replacement=True)
