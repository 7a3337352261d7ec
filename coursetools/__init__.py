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
