"""Correct, written differently: categories and mode from one pandas value_counts reordered
by a stable argsort of its index (the mode is the first maximum in sorted order), mean
and ddof=0 std written out by hand (a constant column told by min < max), the one-hot
block filled row by row from a {category: column} dict lookup (hash-based, so an unseen
value of another type is simply not found; no broadcasting comparison), and all
statistics kept in one nested dict set at the end of fit."""
import numpy as np
import pandas as pd


class FeaturePipeline:
    """Leakage-free preprocessing of a DataFrame: impute, scale, one-hot encode.

    Numerical columns: missing values are filled with the training median, then
    standardised with the training mean and standard deviation of the filled
    column (ddof=0; a constant column is divided by 1, so it becomes 0).
    Categorical columns: missing values are filled with the training mode (the
    lowest value in sorted order on ties), then one-hot encoded with one column
    per training category, in sorted order; a category not seen in training
    becomes all zeros.
    """

    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)
        self._stats = None

    def _check_columns(self, df):
        wanted = self.numerical_cols + self.categorical_cols
        absent = [name for name in wanted if name not in df.columns]
        if absent:
            raise ValueError(f"column(s) {absent} not found in the frame")

    @staticmethod
    def _as_floats(df, col):
        return df[col].to_numpy(dtype=float, na_value=np.nan)

    def fit(self, df):
        self._check_columns(df)
        if len(df) == 0:
            raise ValueError("cannot fit on an empty frame")
        numeric, categorical = {}, {}
        for col in self.numerical_cols:
            values = self._as_floats(df, col)
            known = values[~np.isnan(values)]
            if known.size == 0:
                raise ValueError(f"column {col!r} has no non-missing value to learn from")
            fill = float(np.median(known))
            completed = np.where(np.isnan(values), fill, values)
            centre = completed.sum() / completed.size
            spread = float(np.sqrt(np.mean(np.square(completed - centre))))
            numeric[col] = (fill, centre, spread if completed.min() < completed.max() else 1.0)  # constant: by its values
        for col in self.categorical_cols:
            raw = df[col].to_numpy(dtype=object)
            present = raw[~pd.isna(raw)]
            if present.size == 0:
                raise ValueError(f"column {col!r} has no non-missing value to learn from")
            counts = pd.Series(present).value_counts(sort=False)
            order = np.argsort(counts.index.to_numpy(), kind="stable")
            levels = counts.index.to_numpy()[order]
            freq = counts.to_numpy()[order]
            mode = levels[np.flatnonzero(freq == freq.max())[0]]
            categorical[col] = (mode, levels)
        self._stats = {"num": numeric, "cat": categorical}
        return self

    def transform(self, df):
        if self._stats is None:
            raise RuntimeError("FeaturePipeline.transform called before fit")
        self._check_columns(df)
        n_rows = len(df)
        if n_rows == 0:
            raise ValueError("cannot transform a frame with no rows")
        pieces = []
        for col in self.numerical_cols:
            fill, centre, spread = self._stats["num"][col]
            values = self._as_floats(df, col)
            values = np.where(np.isnan(values), fill, values)
            pieces.append(((values - centre) / spread).reshape(-1, 1))
        for col in self.categorical_cols:
            mode, levels = self._stats["cat"][col]
            raw = df[col].to_numpy(dtype=object)
            raw = np.where(pd.isna(raw), mode, raw)
            position = {level: j for j, level in enumerate(levels)}
            block = np.zeros((n_rows, len(levels)))
            for i, value in enumerate(raw):
                j = position.get(value)
                if j is not None:
                    block[i, j] = 1.0
            pieces.append(block)
        if not pieces:
            return np.empty((n_rows, 0))
        return np.concatenate(pieces, axis=1).astype(float)

    def fit_transform(self, df):
        return self.fit(df).transform(df)

    def get_feature_names(self):
        if self._stats is None:
            raise RuntimeError("FeaturePipeline.get_feature_names called before fit")
        names = [str(col) for col in self.numerical_cols]
        for col in self.categorical_cols:
            names.extend(f"{col}={level}" for level in self._stats["cat"][col][1])
        return names
