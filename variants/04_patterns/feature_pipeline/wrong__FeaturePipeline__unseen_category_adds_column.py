"""transform one-hot encodes with pd.get_dummies on the new frame, so an unseen
category adds a column (and shifts the ones after it)."""
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
            dummies = pd.get_dummies(pd.Series(filled).astype(str), dtype=float)
            known = [str(v) for v in self.categories_[col]]
            columns = known + sorted(set(dummies.columns) - set(known))
            blocks.append(dummies.reindex(columns=columns, fill_value=0.0).to_numpy(dtype=float))
        if not blocks:
            return np.empty((len(df), 0))
        return np.hstack(blocks)
