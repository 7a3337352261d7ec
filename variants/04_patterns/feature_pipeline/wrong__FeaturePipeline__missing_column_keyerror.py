"""No check for the listed columns: a frame without one fails with pandas'
own KeyError from df[col] instead of the ValueError asked for."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
        absent = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if absent:
            raise ValueError(f"columns missing from the frame: {absent}")
        if len(df) == 0:
    """, """
        if len(df) == 0:
    """),
    ("""
        absent = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if absent:
            raise ValueError(f"columns missing from the frame: {absent}")
        blocks = []
    """, """
        blocks = []
    """),
]}
