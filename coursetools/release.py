"""Regenerate release/ from source/ with nbgrader generate_assignment.

    python -m coursetools.release [ASSIGNMENT ...]   (default: every assignment)

Generation runs in a throw-away copy of the course, so the instructor's own
gradebook.db is not touched; the generated release/ then replaces the
committed one.
"""
import shutil
import sys
import tempfile
from pathlib import Path

from . import ROOT, assignments, grading


def generate_release(dst_root, root=ROOT, only=None):
    """Generate every assignment of `root` (or those in `only`) into a fresh
    course copy `dst_root`."""
    course = grading.copy_course(dst_root, root)
    for assignment in only or assignments(root):
        grading.generate(course, assignment)
    return Path(course) / "release"


def main(argv=None):
    chosen = list(sys.argv[1:] if argv is None else argv)
    unknown = sorted(set(chosen) - set(assignments()))
    if unknown:
        print(f"unknown assignment(s): {', '.join(unknown)}; the course has {', '.join(assignments())}")
        return 2
    ids = chosen or assignments()
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        generated = generate_release(Path(tmp) / "course", only=ids)
        if not chosen and (ROOT / "release").exists():
            shutil.rmtree(ROOT / "release")
        for assignment in ids:
            shutil.rmtree(ROOT / "release" / assignment, ignore_errors=True)
            shutil.copytree(generated / assignment, ROOT / "release" / assignment)
    for assignment in ids:
        names = sorted(p.name for p in (ROOT / "release" / assignment).iterdir())
        print(f"release/{assignment}: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
