"""Checks the labels but neither the lengths nor min_recall: proba of another
length fails inside NumPy's indexing, and min_recall=0 or 1.2 returns a
threshold instead of raising ValueError."""
# (lines of the reference's threshold_for_recall, what this learner wrote instead)
EDITS = {"threshold_for_recall": [
    ("""
    if len(y_true) != len(proba):
        raise ValueError(f"y_true has {len(y_true)} labels but proba has {len(proba)} values")
    if not 0 < min_recall <= 1:
        raise ValueError(f"min_recall must be in (0, 1], got {min_recall}")
    """, ""),
]}
