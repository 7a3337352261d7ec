"""transform recomputes the statistics on the frame it is given (fit_transform
on the test set): test statistics are used at transform time."""


class FeaturePipeline(FeaturePipeline):
    def transform(self, df):
        if not hasattr(self, "categories_"):
            raise RuntimeError("FeaturePipeline.transform called before fit")
        categories = self.categories_
        self.fit(df)
        self.categories_ = categories
        return super().transform(df)
