"""Wraps scikit-learn's DecisionTreeClassifier instead of growing the tree
with best_split: the exercise asks for NumPy only."""
from sklearn.tree import DecisionTreeClassifier


class SimpleDecisionTree(SimpleDecisionTree):
    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"X must be a non-empty 2-D array; got shape {X.shape}")
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError(f"y must be 1-D with one label per row of X; got {y.shape} for X {X.shape}")
        self.model_ = DecisionTreeClassifier(criterion="gini", max_depth=self.max_depth,
                                             min_samples_split=self.min_samples, random_state=0).fit(X, y)
        return self

    def predict(self, X):
        return self.model_.predict(np.asarray(X, dtype=float))

    def depth(self):
        return self.model_.get_depth()
