"""One-hot positions are looked up with list.index, so a category not seen in
training raises ValueError instead of becoming all zeros."""
import numpy as np
import pandas as pd


class FeaturePipeline(FeaturePipeline):
    def transform(self, df):
        if not hasattr(self, "categories_"):
            raise RuntimeError("FeaturePipeline.transform called before fit")
        absent = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if absent:
            raise ValueError(f"columns missing from the frame: {absent}")
        blocks = []
        for col in self.numerical_cols:
            values = df[col].to_numpy(dtype=float, na_value=np.nan)
            filled = np.where(np.isnan(values), self.medians_[col], values)
            blocks.append(((filled - self.means_[col]) / self.stds_[col])[:, None])
        for col in self.categorical_cols:
            values = df[col].to_numpy(dtype=object)
            filled = np.where(pd.isna(values), self.modes_[col], values)
            categories = list(self.categories_[col])
            block = np.zeros((len(df), len(categories)))
            for i, value in enumerate(filled):
                block[i, categories.index(value)] = 1.0
            blocks.append(block)
        if not blocks:
            return np.empty((len(df), 0))
        return np.hstack(blocks)
