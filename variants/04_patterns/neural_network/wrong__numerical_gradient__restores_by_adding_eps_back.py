"""Each entry is nudged in place (+= eps, -= 2 * eps, += eps) instead of being reset
to its stored original: the rounding of the three additions leaves most entries a
few ulps away from where they were, so the gradient check changes the model."""

def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    grad = np.zeros(theta.shape)
    for index in np.ndindex(theta.shape):
        theta[index] += eps
        plus = model.loss(X, y)
        theta[index] -= 2 * eps
        minus = model.loss(X, y)
        theta[index] += eps
        grad[index] = (plus - minus) / (2 * eps)
    return grad
