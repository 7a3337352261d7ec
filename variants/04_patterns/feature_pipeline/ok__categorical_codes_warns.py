"""Correct, written differently (pd.Categorical with the training categories, the textbook way to
make unseen categories all zeros; pandas warns that this use is deprecated): statistics kept in one small DataFrame per
kind, numerical columns standardised all at once as a 2-D block (np.nanmedian,
then np.where), the mode from Series.mode() (which sorts its result), and the
one-hot block from pd.Categorical codes against the training categories (an
unseen value gets code -1 and a row of zeros) indexed into an identity matrix
with an extra zero row."""
import numpy as np
import pandas as pd


class FeaturePipeline:
    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)
        self._fitted = False

    def _require(self, df):
        for col in self.numerical_cols + self.categorical_cols:
            if col not in df.columns:
                raise ValueError(f"column {col} is not in the frame")

    def fit(self, df):
        self._require(df)
        if df.shape[0] == 0:
            raise ValueError("empty frame")
        block = df[self.numerical_cols].to_numpy(dtype=float, na_value=np.nan)
        if np.isnan(block).all(axis=0).any():
            raise ValueError("a numerical column has no value")
        medians = np.nanmedian(block, axis=0) if block.shape[1] else np.zeros(0)
        filled = np.where(np.isnan(block), medians, block)
        stds = filled.std(axis=0)
        self.num_stats_ = pd.DataFrame({"median": medians, "mean": filled.mean(axis=0),
                                        "std": np.where(np.ptp(filled, axis=0) == 0, 1.0, stds)}, index=self.numerical_cols)
        self.cat_levels_, self.cat_modes_ = {}, {}
        for col in self.categorical_cols:
            present = df[col].dropna()
            if present.empty:
                raise ValueError(f"categorical column {col} has no value")
            self.cat_modes_[col] = present.mode().iloc[0]
            self.cat_levels_[col] = list(pd.Index(present.unique()).sort_values())
        self._fitted = True
        return self

    def transform(self, df):
        if not self._fitted:
            raise RuntimeError("fit first")
        self._require(df)
        if df.shape[0] == 0:
            raise ValueError("empty frame")
        stats = self.num_stats_
        block = df[self.numerical_cols].to_numpy(dtype=float, na_value=np.nan)
        block = np.where(np.isnan(block), stats["median"].to_numpy(), block)
        parts = [(block - stats["mean"].to_numpy()) / stats["std"].to_numpy()]
        for col in self.categorical_cols:
            levels = self.cat_levels_[col]
            filled = df[col].astype(object).where(df[col].notna(), self.cat_modes_[col])
            codes = pd.Categorical(filled, categories=levels).codes
            table = np.vstack([np.eye(len(levels)), np.zeros((1, len(levels)))])
            parts.append(table[codes])                       # code -1 picks the zero row
        return np.hstack(parts).astype(float)

    def fit_transform(self, df):
        return self.fit(df).transform(df)

    def get_feature_names(self):
        return self.numerical_cols + [f"{col}={level}" for col in self.categorical_cols
                                      for level in self.cat_levels_[col]]
