"""No check of the arguments: positive_rate=1.5 or n_samples=0 pass silently
(n_samples=0 even divides by zero) instead of raising ValueError."""


def accuracy_paradox(n_samples=10_000, positive_rate=0.01, random_state=0):
    rng = np.random.default_rng(random_state)
    y_true = (rng.random(n_samples) < positive_rate).astype(int)
    accuracy = float(np.mean(y_true == 0)) if n_samples > 0 else float("nan")
    return {"accuracy": accuracy, "precision": 0.0, "recall": 0.0, "f1": 0.0}
