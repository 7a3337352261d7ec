"""Feature names follow pd.get_dummies (col_value) instead of col=value."""


class FeaturePipeline(FeaturePipeline):
    def get_feature_names(self):
        if not hasattr(self, "categories_"):
            raise RuntimeError("FeaturePipeline.get_feature_names called before fit")
        names = list(self.numerical_cols)
        for col in self.categorical_cols:
            names += [f"{col}_{value}" for value in self.categories_[col]]
        return names
