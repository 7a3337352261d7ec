"""After the two evaluations the entry is left at theta - eps: the model is changed by the check."""

def numerical_gradient(model, X, y, param, eps=1e-5):
    theta = getattr(model, param)
    grad = np.zeros(theta.shape)
    for index in np.ndindex(theta.shape):
        old = theta[index]
        theta[index] = old + eps
        plus = model.loss(X, y)
        theta[index] = old - eps
        minus = model.loss(X, y)
        grad[index] = (plus - minus) / (2 * eps)
    return grad
