"""Correct, written differently: the pandas-flavoured solution (Series
median/fillna/value_counts, a loop over categories for the one-hot block, a
config dict and an explicit None check before fit), in a notebook set to have
scikit-learn's transformers return pandas DataFrames, as pandas-minded learners
often do: the checks' own scikit-learn reference must not depend on it."""
import numpy as np
import pandas as pd
import sklearn

_sklearn_output = sklearn.set_config(transform_output="pandas")


class FeaturePipeline:
    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)
        self.config = None

    def _check(self, df):
        missing = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if missing:
            raise ValueError(f"missing columns: {missing}")

    def fit(self, df):
        self._check(df)
        if len(df) == 0:
            raise ValueError("empty frame")
        config = {}
        for col in self.numerical_cols:
            column = df[col].astype(float)
            if column.isna().all():
                raise ValueError(f"{col} is all missing")
            median = column.median()
            filled = column.fillna(median)
            std = filled.std(ddof=0)
            config[col] = {"median": median, "mean": filled.mean(), "std": std if filled.max() > filled.min() else 1.0}
        for col in self.categorical_cols:
            column = df[col].dropna()
            if len(column) == 0:
                raise ValueError(f"{col} is all missing")
            counts = column.value_counts()
            mode = sorted(counts[counts == counts.max()].index)[0]
            config[col] = {"mode": mode, "categories": sorted(column.unique())}
        self.config = config
        return self

    def transform(self, df):
        if self.config is None:
            raise RuntimeError("call fit first")
        self._check(df)
        if len(df) == 0:
            raise ValueError("empty frame")
        parts = []
        for col in self.numerical_cols:
            c = self.config[col]
            filled = df[col].astype(float).fillna(c["median"])
            parts.append(((filled - c["mean"]) / c["std"]).to_numpy(dtype=float).reshape(-1, 1))
        for col in self.categorical_cols:
            c = self.config[col]
            filled = df[col].astype(object).where(df[col].notna(), c["mode"])
            block = np.zeros((len(df), len(c["categories"])))
            for j, category in enumerate(c["categories"]):
                block[:, j] = (filled == category).to_numpy()
            parts.append(block)
        if not parts:
            return np.zeros((len(df), 0))
        return np.hstack(parts)

    def fit_transform(self, df):
        return self.fit(df).transform(df)

    def get_feature_names(self):
        names = list(self.numerical_cols)
        for col in self.categorical_cols:
            names += [f"{col}={value}" for value in self.config[col]["categories"]]
        return names
