"""k is capped at the number of rows instead of the number of OTHER rows: with fewer
than k_neighbors other minority rows, the row itself (pushed last by its infinite
distance) becomes one of its neighbours, and some new rows are exact copies."""
# (lines of the reference's smote, what this learner wrote instead)
EDITS = {"smote": [
    ("n_new, k = int(n_new), min(int(k_neighbors), X.shape[0] - 1)",
     "n_new, k = int(n_new), min(int(k_neighbors), X.shape[0])"),
]}
