"""Epoch loss as the plain mean of the batch losses: the small last batch counts as much as a
full one, so it is not the mean loss per sample."""


def train(model, loader, loss_fn, optimizer, epochs):
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    epoch_losses = []
    for _ in range(int(epochs)):
        model.train()
        batch_losses = []
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            batch_losses.append(loss.item())
        epoch_losses.append(sum(batch_losses) / len(batch_losses))
    return epoch_losses
