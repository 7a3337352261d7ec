"""Rectangles at the left point (a left Riemann sum) instead of trapezoids."""


def auc_trapezoid(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or y.ndim != 1 or len(x) != len(y):
        raise ValueError("x and y must be 1-D of equal length")
    if len(x) < 2:
        raise ValueError("an area needs at least two points")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("x and y must be finite numbers")
    widths = np.diff(x)
    if (widths < 0).any():
        raise ValueError("x must be sorted in increasing order")
    return float(np.sum(widths * y[:-1]))
