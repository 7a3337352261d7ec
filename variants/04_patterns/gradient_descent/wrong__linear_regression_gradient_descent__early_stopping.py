"""The loop stops early once the loss stops improving (|change| < 1e-10), a
common 'convergence check': the contract says one loss per epoch, and this
returns fewer losses than epochs (and fewer updates than asked for)."""
# (lines of the reference's linear_regression_gradient_descent, what this learner wrote instead)
EDITS = {"linear_regression_gradient_descent": [
    ("losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))",
     """
     losses.append(float(np.mean(residual ** 2) + l2 * weights @ weights))
     if len(losses) > 1 and abs(losses[-2] - losses[-1]) < 1e-10:
         break
     """),
]}
