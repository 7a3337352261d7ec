"""Draws from the global np.random state and ignores random_state, so the
initialisation is not reproducible."""
# (lines of the reference's kmeans_plus_plus, what this learner wrote instead)
EDITS = {"kmeans_plus_plus": [
    ("rng = np.random.default_rng(random_state)",
     ""),
    ("chosen = [int(rng.integers(n_samples))]",
     "chosen = [int(np.random.randint(n_samples))]"),
    ("next_index = int(rng.choice(n_samples, p=closest_sq / total))",
     "next_index = int(np.random.choice(n_samples, p=closest_sq / total))"),
    ("next_index = int(rng.integers(n_samples))",
     "next_index = int(np.random.randint(n_samples))"),
]}
