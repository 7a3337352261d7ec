"""Correct, written differently: NumPy after one read of the frame, through
module-level helpers (allowed: they start with _): _columns(df, names)
checks that the listed columns exist and returns them as arrays, _mode picks
the lowest of the most frequent values with sorted() over a dict of counts;
the one-hot block is filled with a loop over the training categories; the
constant test is np.all(filled == filled[0]); statistics kept as lists in
the order of the columns.

Its module-level helper shares its name with a helper every test cell used to
define at the notebook's top level, which replaced the learner's and cost
the cells that ran it afterwards (2026-12-07); the test cells now keep
their helpers inside their _check_...() function."""
import numpy as np
import pandas as pd


def _columns(df, names, numeric):
    absent = [name for name in names if name not in df.columns]
    if absent:
        raise ValueError(f"the frame lacks the column(s) {', '.join(map(str, absent))}")
    if numeric:
        return [df[name].to_numpy(dtype=float, na_value=np.nan) for name in names]
    return [df[name].to_numpy(dtype=object) for name in names]


def _mode(values):
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    best = max(counts.values())
    return sorted(v for v, c in counts.items() if c == best)[0]


class FeaturePipeline:

    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)
        self.num_stats_ = None
        self.cat_stats_ = None

    def fit(self, df):
        nums = _columns(df, self.numerical_cols, numeric=True)
        cats = _columns(df, self.categorical_cols, numeric=False)
        if len(df) == 0:
            raise ValueError("the training frame has no rows")
        num_stats, cat_stats = [], []
        for name, values in zip(self.numerical_cols, nums):
            present = values[~np.isnan(values)]
            if present.size == 0:
                raise ValueError(f"column {name} is entirely missing")
            median = float(np.median(present))
            filled = np.where(np.isnan(values), median, values)
            std = 1.0 if np.all(filled == filled[0]) else float(filled.std())
            num_stats.append((median, float(filled.mean()), std))
        for name, values in zip(self.categorical_cols, cats):
            present = [v for v in values if not pd.isna(v)]
            if not present:
                raise ValueError(f"column {name} is entirely missing")
            cat_stats.append((_mode(present), sorted(set(present))))
        self.num_stats_, self.cat_stats_ = num_stats, cat_stats
        return self

    def transform(self, df):
        if self.num_stats_ is None:
            raise RuntimeError("this FeaturePipeline is not fitted yet")
        nums = _columns(df, self.numerical_cols, numeric=True)
        cats = _columns(df, self.categorical_cols, numeric=False)
        n = len(df)
        if n == 0:
            raise ValueError("the frame to transform has no rows")
        out = []
        for values, (median, mean, std) in zip(nums, self.num_stats_):
            out.append(((np.where(np.isnan(values), median, values) - mean) / std)[:, None])
        for values, (mode, categories) in zip(cats, self.cat_stats_):
            filled = [mode if pd.isna(v) else v for v in values]
            block = np.zeros((n, len(categories)))
            for j, category in enumerate(categories):
                block[:, j] = [v == category for v in filled]
            out.append(block)
        return np.concatenate(out, axis=1) if out else np.zeros((n, 0))

    def fit_transform(self, df):
        self.fit(df)
        return self.transform(df)

    def get_feature_names(self):
        return self.numerical_cols + [f"{name}={c}" for name, (_, cats) in
                                      zip(self.categorical_cols, self.cat_stats_) for c in cats]
