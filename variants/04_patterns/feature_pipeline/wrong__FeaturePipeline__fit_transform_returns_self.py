"""fit_transform returns what fit returns (the pipeline itself), as a learner
chaining scikit-learn calls might, instead of the transformed array."""


class FeaturePipeline(FeaturePipeline):
    def fit_transform(self, df):
        self.fit(df)
        self.transform(df)
        return self
