"""Within a feature the last of the tied thresholds is kept (the highest),
not the first: two equally good thresholds give the higher one."""
# (lines of the reference's best_split, what this learner wrote instead)
EDITS = {"best_split": [
    ("return feature, float(values[near_best[0]]), float(gains[near_best[0]])",
     "return feature, float(values[near_best[-1]]), float(gains[near_best[-1]])"),
]}
