"""Correct, written with other tools: the data loaded as a DataFrame (as_frame=True) and
the label flipped as 1 - target; the majority class by collections.Counter (on a tie the
lower label, the labels checked against the Counter's keys) and the four metrics from one precision_recall_fscore_support call; the
recall threshold found for every distinct score at once (np.searchsorted on the sorted
positive scores, recall compared as a ratio, no ceil); the candidates built with
make_pipeline, the classic GradientBoostingClassifier, an SVC without probability=True
and a LogisticRegression with its default max_iter."""
from collections import Counter

from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import precision_recall_fscore_support
from sklearn.pipeline import make_pipeline


def load_breast_cancer_binary():
    frame = load_breast_cancer(as_frame=True).frame
    names = [c for c in frame.columns if c != "target"]
    features = frame[names].to_numpy(dtype=np.float64)
    labels = 1 - frame["target"].to_numpy().astype(np.int64)
    return features, labels, names


def majority_baseline(y_train, y_test):
    counts = Counter(np.asarray(y_train).tolist())
    truth = np.asarray(y_test)
    if not counts or not set(counts) <= {0, 1} or truth.size == 0 or not set(truth.tolist()) <= {0, 1}:
        raise ValueError("y_train and y_test must be non-empty labels 0/1")
    constant = min(counts, key=lambda label: (-counts[label], label))   # on a tie, the lower label
    guess = np.full(truth.shape, constant)
    prec, rec, f, _ = precision_recall_fscore_support(truth, guess, average="binary", pos_label=1,
                                                      zero_division=0)
    return {"accuracy": float(np.mean(guess == truth)), "precision": float(prec),
            "recall": float(rec), "f1": float(f)}


def make_candidate_pipelines(random_state=42):
    return {
        "logistic_regression": make_pipeline(StandardScaler(), LogisticRegression(random_state=random_state)),
        "svm": make_pipeline(StandardScaler(), SVC(random_state=random_state)),
        "random_forest": make_pipeline(RandomForestClassifier(random_state=random_state)),
        "gradient_boosting": make_pipeline(GradientBoostingClassifier(random_state=random_state)),
    }


def threshold_for_recall(y_true, proba, min_recall=0.98):
    labels = check_binary_labels(y_true, "y_true", both_classes=False)
    scores = np.asarray(proba, dtype=float).ravel()
    if labels.shape != scores.shape:
        raise ValueError("y_true and proba must have the same length")
    if not (0 < min_recall <= 1):
        raise ValueError("min_recall must be in (0, 1]")
    pos_scores = np.sort(scores[labels == 1])
    n_pos = pos_scores.size
    if n_pos == 0:
        raise ValueError("y_true has no positive sample")
    candidates = np.unique(scores)  # ascending
    # number of positives with score >= t, for every candidate t at once
    caught = n_pos - np.searchsorted(pos_scores, candidates, side="left")
    return float(candidates[caught / n_pos >= min_recall].max())
