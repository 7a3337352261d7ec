"""Correct, written blind: a learner who saw only the release notebook and README (2026-12-06, a review helper) wrote every answer in its own style (here less the given docstrings and the answers that another ok variant already has word for word) and scored full marks at its first self-grading; kept so that the tests stay no stricter than the notebook. Its style: statistics kept per column in tuples, the modes by np.unique and np.argmax, the constant columns found with np.ptp. Its transform returned an array of 0 rows for a frame with no rows until 2026-12-07, when the notebook was brought in line with the course's rule that empty input raises ValueError; the two lines of that check were added to its transform then."""
# imports: none added (the notebook's imports cell provides numpy as np, pandas as pd)

# answer cell: feature_pipeline
class FeaturePipeline:

    def __init__(self, numerical_cols, categorical_cols):
        self.numerical_cols = list(numerical_cols)
        self.categorical_cols = list(categorical_cols)

    def _check_columns(self, df):
        missing = [c for c in self.numerical_cols + self.categorical_cols if c not in df.columns]
        if missing:
            raise ValueError(f"columns missing from the frame: {missing}")

    @staticmethod
    def _numeric(df, col):
        return df[col].to_numpy(dtype=float, na_value=np.nan)

    @staticmethod
    def _categorical(df, col):
        return df[col].to_numpy(dtype=object)

    def fit(self, df):
        self._check_columns(df)
        if len(df) == 0:
            raise ValueError("cannot fit on an empty frame")
        num_stats, cat_stats = {}, {}
        for col in self.numerical_cols:
            x = self._numeric(df, col)
            present = x[~np.isnan(x)]
            if present.size == 0:
                raise ValueError(f"numerical column {col!r} has no non-missing value")
            median = float(np.median(present))
            filled = np.where(np.isnan(x), median, x)
            mean = float(filled.mean())
            scale = 1.0 if np.ptp(filled) == 0 else float(filled.std(ddof=0))
            num_stats[col] = (median, mean, scale)
        for col in self.categorical_cols:
            v = self._categorical(df, col)
            present = v[~pd.isna(v)]
            if present.size == 0:
                raise ValueError(f"categorical column {col!r} has no non-missing value")
            categories, counts = np.unique(present, return_counts=True)
            mode = categories[np.argmax(counts)]  # first maximum = lowest tied value
            cat_stats[col] = (mode, categories)
        # Assign at the end, so a failed fit leaves no half-learned state.
        self.num_stats_, self.cat_stats_ = num_stats, cat_stats
        return self

    def transform(self, df):
        if not hasattr(self, "num_stats_"):
            raise RuntimeError("FeaturePipeline is not fitted: call fit first")
        self._check_columns(df)
        if len(df) == 0:
            raise ValueError("cannot transform an empty frame")
        n = len(df)
        blocks = [np.empty((n, 0))]
        for col in self.numerical_cols:
            median, mean, scale = self.num_stats_[col]
            x = self._numeric(df, col)
            x = np.where(np.isnan(x), median, x)
            blocks.append(((x - mean) / scale)[:, None])
        for col in self.categorical_cols:
            mode, categories = self.cat_stats_[col]
            v = self._categorical(df, col)
            v = np.where(pd.isna(v), mode, v)
            onehot = np.array([[val == cat for cat in categories] for val in v], dtype=float).reshape(n, len(categories))
            blocks.append(onehot)
        return np.hstack(blocks).astype(float)

    def fit_transform(self, df):
        return self.fit(df).transform(df)

    def get_feature_names(self):
        if not hasattr(self, "cat_stats_"):
            raise RuntimeError("FeaturePipeline is not fitted: call fit first")
        names = list(self.numerical_cols)
        for col in self.categorical_cols:
            names += [f"{col}={cat}" for cat in self.cat_stats_[col][1]]
        return names
