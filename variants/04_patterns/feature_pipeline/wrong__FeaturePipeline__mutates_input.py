"""Missing values are filled in place in the caller's frame (df[col] =
df[col].fillna(...)), as in many tutorials: the input frame is modified."""
import numpy as np
import pandas as pd


class FeaturePipeline(FeaturePipeline):
    def fit(self, df):
        absent = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if absent:
            raise ValueError(f"columns missing from the frame: {absent}")
        if len(df) == 0:
            raise ValueError("cannot fit on an empty frame")
        self.medians_, self.means_, self.stds_ = {}, {}, {}
        for col in self.numerical_cols:
            values = df[col].to_numpy(dtype=float, na_value=np.nan)
            missing = np.isnan(values)
            if missing.all():
                raise ValueError(f"numerical column {col!r} has no value to learn from")
            median = float(np.median(values[~missing]))
            df[col] = df[col].fillna(median)
            filled = df[col].to_numpy(dtype=float)
            std = float(filled.std())
            self.medians_[col] = median
            self.means_[col] = float(filled.mean())
            self.stds_[col] = std if std > 0 else 1.0
        self.modes_, self.categories_ = {}, {}
        for col in self.categorical_cols:
            values = df[col].to_numpy(dtype=object)
            present = values[~pd.isna(values)]
            if len(present) == 0:
                raise ValueError(f"categorical column {col!r} has no value to learn from")
            categories, counts = np.unique(present, return_counts=True)
            self.modes_[col] = categories[np.argmax(counts)]
            self.categories_[col] = categories
        return self

    def transform(self, df):
        if not hasattr(self, "categories_"):
            raise RuntimeError("FeaturePipeline.transform called before fit")
        absent = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if absent:
            raise ValueError(f"columns missing from the frame: {absent}")
        blocks = []
        for col in self.numerical_cols:
            df[col] = df[col].fillna(self.medians_[col])
            filled = df[col].to_numpy(dtype=float)
            blocks.append(((filled - self.means_[col]) / self.stds_[col])[:, None])
        for col in self.categorical_cols:
            values = df[col].to_numpy(dtype=object)
            filled = np.where(pd.isna(values), self.modes_[col], values)
            blocks.append((filled[:, None] == self.categories_[col][None, :]).astype(float))
        if not blocks:
            return np.empty((len(df), 0))
        return np.hstack(blocks)
