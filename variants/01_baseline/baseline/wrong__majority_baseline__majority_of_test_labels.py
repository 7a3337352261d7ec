"""Takes the most frequent class of y_test: the baseline peeks at the answers."""


def majority_baseline(y_train, y_test):
    check_binary_labels(y_train, "y_train", both_classes=False)
    check_binary_labels(y_test, "y_test", both_classes=False)
    y_test = np.asarray(y_test)
    majority = np.bincount(y_test).argmax()
    y_pred = np.full(len(y_test), majority)
    return {
        "accuracy": accuracy_score(y_test, y_pred),
        "precision": precision_score(y_test, y_pred, zero_division=0),
        "recall": recall_score(y_test, y_pred, zero_division=0),
        "f1": f1_score(y_test, y_pred, zero_division=0),
    }
