"""Runs SMOTE on all training rows (negatives included) and labels every synthetic row positive:
the new "positives" are interpolated across both classes."""
EDITS = {"compare_strategies": [
    ("synthetic = torch.as_tensor(smote(positives, n_new, random_state=random_state), dtype=torch.float32)",
     "synthetic = torch.as_tensor(smote(X_tr, n_new, random_state=random_state), dtype=torch.float32)"),
]}
