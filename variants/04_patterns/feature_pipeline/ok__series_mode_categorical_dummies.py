"""Correct, written differently: pandas all the way on a defensive copy of
the frame (the caller's frame is never touched): Series.median(),
Series.mean() and Series.std(ddof=0) of the filled column, the mode from
Series.mode() (which sorts tied modes, so .iloc[0] is the lowest), the
categories from sorted(Series.dropna().unique()), one-hot via pd.Categorical
with the training categories and pd.get_dummies (an unseen value becomes
NaN, so its row is all zeros), a constant column told by max == min;
statistics kept in one dict per kind; the fitted state is a flag."""
import numpy as np
import pandas as pd


class FeaturePipeline:

    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)
        self._fitted = False

    def _require_columns(self, df):
        missing = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if missing:
            raise ValueError(f"columns not in the frame: {missing}")

    def fit(self, df):
        self._require_columns(df)
        if len(df) == 0:
            raise ValueError("cannot fit on an empty frame")
        data = df.copy()
        self._num_stats, self._cat_stats = {}, {}
        for col in self.numerical_cols:
            s = pd.to_numeric(data[col], errors="raise").astype(float)
            if s.notna().sum() == 0:
                raise ValueError(f"column {col!r} has no values")
            median = s.median()
            filled = s.fillna(median)
            scale = 1.0 if filled.max() == filled.min() else filled.std(ddof=0)
            self._num_stats[col] = (median, filled.mean(), scale)
        for col in self.categorical_cols:
            s = data[col]
            if s.notna().sum() == 0:
                raise ValueError(f"column {col!r} has no values")
            mode = s.mode(dropna=True).iloc[0]
            cats = sorted(s.dropna().unique().tolist())
            self._cat_stats[col] = (mode, cats)
        self._fitted = True
        return self

    def transform(self, df):
        if not self._fitted:
            raise RuntimeError("call fit before transform")
        self._require_columns(df)
        data = df.copy()
        blocks = []
        for col in self.numerical_cols:
            median, mean, scale = self._num_stats[col]
            s = pd.to_numeric(data[col]).astype(float).fillna(median)
            blocks.append(((s - mean) / scale).to_numpy(dtype=float).reshape(-1, 1))
        for col in self.categorical_cols:
            mode, cats = self._cat_stats[col]
            s = data[col].astype(object).where(data[col].notna(), mode)
            cat = pd.Categorical(s, categories=cats)
            dummies = pd.get_dummies(cat).reindex(columns=cats, fill_value=False)
            blocks.append(dummies.to_numpy(dtype=float).reshape(len(data), len(cats)))
        if not blocks:
            return np.zeros((len(data), 0))
        return np.hstack(blocks).astype(np.float64)

    def fit_transform(self, df):
        return self.fit(df).transform(df)

    def get_feature_names(self):
        names = list(self.numerical_cols)
        for col in self.categorical_cols:
            names += [f"{col}={value}" for value in self._cat_stats[col][1]]
        return names
