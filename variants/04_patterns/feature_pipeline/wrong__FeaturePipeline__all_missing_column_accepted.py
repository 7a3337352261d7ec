"""fit fills with np.nanmedian and never checks that a numerical column has a
value: an all-missing column is learned as nan (with a RuntimeWarning), so
every value of it becomes nan instead of fit raising ValueError."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
            if missing.all():
                raise ValueError(f"numerical column {col!r} has no value to learn from")
            median = float(np.median(values[~missing]))
    """, """
            median = float(np.nanmedian(values))
    """),
]}
