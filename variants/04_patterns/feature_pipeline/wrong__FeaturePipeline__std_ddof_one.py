"""The standard deviation uses ddof=1 (sample std, pandas' default) instead
of ddof=0 as StandardScaler."""
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
            filled = np.where(missing, median, values)
            std = float(filled.std(ddof=1))
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
