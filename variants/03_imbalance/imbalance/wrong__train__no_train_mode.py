"""Never calls model.train(): a model that arrives in eval mode (after predict_proba, say)
is trained with dropout switched off."""


def train(model, loader, loss_fn, optimizer, epochs):
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    epoch_losses = []
    for _ in range(int(epochs)):
        total, n_seen = 0.0, 0
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(yb)
            n_seen += len(yb)
        epoch_losses.append(total / n_seen)
    return epoch_losses
