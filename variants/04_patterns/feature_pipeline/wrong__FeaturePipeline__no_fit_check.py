"""transform before fit is not detected: it fails with an AttributeError on
the missing statistics instead of raising RuntimeError."""
import numpy as np
import pandas as pd


class FeaturePipeline(FeaturePipeline):
    def transform(self, df):
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
            blocks.append((filled[:, None] == self.categories_[col][None, :]).astype(float))
        if not blocks:
            return np.empty((len(df), 0))
        return np.hstack(blocks)
