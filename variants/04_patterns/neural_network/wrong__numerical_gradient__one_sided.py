"""Forward difference (L(theta + eps) - L(theta)) / eps: error O(eps) instead of O(eps^2)."""

def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    grad = np.zeros(theta.shape)
    for index in np.ndindex(theta.shape):
        old = theta[index]
        theta[index] = old + eps
        plus = model.loss(X, y)
        theta[index] = old
        minus = model.loss(X, y)
        theta[index] = old
        grad[index] = (plus - minus) / eps
    return grad
