"""Flips the encoding with a comparison and returns its booleans: y is not the int array the docstring asks for."""


def load_breast_cancer_binary():
    data = load_breast_cancer()
    return np.asarray(data.data, dtype=float), data.target == 0, list(data.feature_names)
