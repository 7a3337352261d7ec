"""Regenerate release/ from source/ with nbgrader generate_assignment.

    python -m coursetools.release

Generation runs in a throw-away copy of the course, so the instructor's own
gradebook.db is not touched; the generated release/ then replaces the
committed one.
"""
import shutil
import sys
import tempfile
from pathlib import Path

from . import ROOT, assignments, grading


def generate_release(dst_root, root=ROOT):
    """Generate every assignment of `root` into a fresh course copy `dst_root`."""
    course = grading.copy_course(dst_root, root)
    for assignment in assignments(root):
        grading.generate(course, assignment)
    return Path(course) / "release"


def main():
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        generated = generate_release(Path(tmp) / "course")
        if (ROOT / "release").exists():
            shutil.rmtree(ROOT / "release")
        shutil.copytree(generated, ROOT / "release")
    for assignment in assignments():
        names = sorted(p.name for p in (ROOT / "release" / assignment).iterdir())
        print(f"release/{assignment}: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
