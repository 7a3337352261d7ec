"""BCELoss on sigmoid outputs with a hand-made positive weight instead of BCEWithLogitsLoss:
sigmoid(-200) rounds to 0 and BCELoss clamps log(0) to -100, so confident mistakes are
under-charged (and it is not an nn.BCEWithLogitsLoss)."""


def make_weighted_loss(y_train):
    pos_weight = compute_pos_weight(y_train)
    bce = nn.BCELoss(reduction="none")

    def loss_fn(logits, targets):
        per_sample = bce(torch.sigmoid(logits), targets)
        weights = torch.where(targets == 1, pos_weight, torch.ones_like(targets))
        return (weights * per_sample).mean()

    return loss_fn
