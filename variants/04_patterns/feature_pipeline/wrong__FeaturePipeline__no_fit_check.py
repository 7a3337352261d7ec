"""transform before fit is not detected: it fails with an AttributeError on
the missing statistics instead of raising RuntimeError."""
# (lines of the reference's FeaturePipeline, what this learner wrote instead)
EDITS = {"FeaturePipeline": [
    ("""
        if not hasattr(self, "categories_"):
            raise RuntimeError("FeaturePipeline.transform called before fit")
    """, ""),
]}
