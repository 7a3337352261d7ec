"""Feeds SMOTE the positives of all three splits ("more positives, better neighbours"): the
synthetic training rows are interpolations of test and validation rows, a leak."""
EDITS = {"compare_strategies": [
    ("positives = X_tr[y_tr == 1]",
     "positives = torch.cat([X_tr[y_tr == 1], X_va[y_va == 1], X_te[y_te == 1]])"),
]}
