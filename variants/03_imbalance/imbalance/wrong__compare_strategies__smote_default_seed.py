"""SMOTE is called without random_state: compare_strategies(random_state=1) makes the
synthetic positives from seed 0, although random_state is documented as the seed of
SMOTE too."""
# (lines of the reference's compare_strategies, what this learner wrote instead)
EDITS = {"compare_strategies": [
    ("synthetic = torch.as_tensor(smote(positives, n_new, random_state=random_state), dtype=torch.float32)",
     "synthetic = torch.as_tensor(smote(positives, n_new), dtype=torch.float32)"),
]}
