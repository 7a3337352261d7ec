"""Records only the loss of the last batch of each epoch instead of the epoch's mean."""


def train(model, loader, loss_fn, optimizer, epochs):
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    epoch_losses = []
    for _ in range(int(epochs)):
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        epoch_losses.append(loss.item())
    return epoch_losses
