"""Perturbs a copy of the parameter array, so the model never sees the change and every gradient is 0."""

def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param).copy()
    grad = np.zeros(theta.shape)
    for index in np.ndindex(theta.shape):
        old = theta[index]
        theta[index] = old + eps
        plus = model.loss(X, y)
        theta[index] = old - eps
        minus = model.loss(X, y)
        theta[index] = old
        grad[index] = (plus - minus) / (2 * eps)
    return grad
