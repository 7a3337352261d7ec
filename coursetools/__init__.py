"""Thin tooling around nbgrader for the ML coding-interview course.

nbgrader does the course work (generate, autograde, feedback); these modules
add only what it lacks: building demo and test submissions from the source,
grading many of them, and reporting grades.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source"
RELEASE = ROOT / "release"
VARIANTS = ROOT / "variants"
HEADER = "header.ipynb"


def assignments(root=ROOT):
    """Names of the assignments in `root/source`, in course order."""
    return sorted(p.name for p in (Path(root) / "source").iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")))


def source_notebooks(assignment, root=ROOT):
    """Paths of the source notebooks of one assignment, sorted by name."""
    return sorted((Path(root) / "source" / assignment).glob("*.ipynb"))


# Course order of the notebooks of an assignment where it is not the order of
# their names: the README's table (tests/test_site.py holds the two together).
NOTEBOOK_ORDER = {
    "04_patterns": ("gradient_descent", "decision_tree", "feature_pipeline", "kmeans", "neural_network"),
}


def course_notebooks(assignment, root=ROOT):
    """source_notebooks in course order, as a learner meets them (the
    website, the worked solutions' index, selfgrade's report): NOTEBOOK_ORDER,
    then any notebook it does not list, by name."""
    order = NOTEBOOK_ORDER.get(assignment, ())
    return sorted(source_notebooks(assignment, root),
                  key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.stem))
