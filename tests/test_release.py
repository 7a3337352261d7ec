"""The committed release/ is what nbgrader generates today, and hides what it must."""
import json
import subprocess

import pytest

from conftest import ASSIGNMENTS, NOTEBOOKS, ROOT, read_source
from coursetools import grading, notebooks as nbs, release, source_notebooks


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_is_what_nbgrader_generates(generated, assignment):
    committed = ROOT / "release" / assignment
    fresh = generated / "release" / assignment
    assert committed.is_dir(), f"release/{assignment} is missing: run `make release`"
    assert _files(committed) == _files(fresh), "release/ holds other files than nbgrader generates: run `make release`"
    for name in _files(fresh):
        a, b = (committed / name).read_bytes(), (fresh / name).read_bytes()
        if name.endswith(".ipynb"):
            a, b = json.loads(a), json.loads(b)
        assert a == b, f"release/{assignment}/{name} is stale: run `make release` and commit it"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_release_hides_solutions_and_hidden_tests(assignment, notebook):
    text = (ROOT / "release" / assignment / notebook).read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text, f"'{marker}' leaked into the release"
    src = read_source(assignment, notebook)
    released = "\n".join(c.source for c in nbs.read(ROOT / "release" / assignment / notebook).cells)
    leaked = [line for line in nbs.distinctive(nbs.hidden_lines(src), nbs.public_lines(src))
              if line in released]
    assert not leaked, f"solution or hidden-test lines in the release: {leaked[:5]}"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_release_stubs_raise(assignment, notebook):
    """Every answer the learner must write starts as a stub that raises."""
    rel = nbs.read(ROOT / "release" / assignment / notebook)
    for cell in rel.cells:
        if cell.cell_type == "code" and nbs.is_solution(cell):
            assert "raise NotImplementedError" in cell.source, f"{nbs.grade_id(cell)} has no stub"


def test_a_learners_work_is_found_in_a_course_inside_a_larger_repository(tmp_path):
    """`make release` and `make demo` stop rather than delete a learner's
    work in release/ (release.unsaved_work). In a course kept in a folder of
    a larger git repository (courses/ml/), git names the changed files from
    the repository's top, and none was found: the answers were deleted
    without a word. And a file of release/ outside the assignments' folders
    (a learner's notes), which `make release` deletes with the whole folder,
    is work too."""
    course = grading.copy_course(tmp_path / "repo" / "courses" / "ml", with_release=True)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path / "repo", check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path / "repo", check=True)
    subprocess.run([*git, "commit", "-qm", "course"], cwd=tmp_path / "repo", check=True)
    assignment = ASSIGNMENTS[0]
    assert release.unsaved_work([assignment], root=course, whole=True) == [], "release/ as committed"
    mine = course / "release" / assignment / source_notebooks(assignment)[0].name
    mine.write_text(mine.read_text().replace("YOUR CODE HERE", "my answer", 1))
    (course / "release" / "notes.md").write_text("ask about PR-AUC")
    assert release.unsaved_work([assignment], root=course, whole=True) == sorted([
        "release/notes.md", str(mine.relative_to(course))])
    assert release.unsaved_work([assignment], root=course) == [str(mine.relative_to(course))]
