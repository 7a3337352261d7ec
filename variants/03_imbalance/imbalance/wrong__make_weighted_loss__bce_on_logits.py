"""nn.BCELoss applied to raw logits (it expects probabilities in [0, 1]), with the class weight
passed as weight=."""


def make_weighted_loss(y_train):
    return nn.BCELoss(weight=compute_pos_weight(y_train))
