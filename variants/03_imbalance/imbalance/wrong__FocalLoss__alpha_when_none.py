"""alpha=None treated as alpha=0.5 ("equal weights"): every sample gets a_t = 0.5, so
FocalLoss(alpha=None, gamma=0) is half the BCE."""


class FocalLoss(FocalLoss):
    def __init__(self, alpha=0.25, gamma=2.0):
        super().__init__(alpha=alpha, gamma=gamma)
        self.alpha = 0.5 if alpha is None else alpha
