"""Broken and hostile submissions: each has its expected outcome, the other
learners' grades are untouched, nothing in the gradebook is lost, grading
again gives the same grades, and learner feedback never shows a hidden test.

The collection is built from the reference solution of one assignment (the
quickest to run) and autograded in one run together with good submissions.
"""
import copy
import re
import json
import os
import shutil

import pytest

from conftest import ASSIGNMENTS, read_source, visible_text
from coursetools import grading, notebooks as nbs, outcomes, source_notebooks, submissions

ASSIGNMENT = "02_metrics" if "02_metrics" in ASSIGNMENTS else ASSIGNMENTS[0]
# The classes of broken and hostile submissions (here, test_parallel.py,
# test_hostile.py) are graded with a shorter cell time limit than the
# course's 60 s, so their infinite loops stop sooner, and a kernel that
# ignores the interrupt is stopped sooner too (a third of the limit, at least
# 5 s: GradingExecute.unresponsive_after). The slowest cell of 02_metrics
# takes 0.4 s on an idle machine and at most 1.2 s in these classes while
# the whole suite runs (2026-12-05): 5 s leaves room for a slower machine.
CELL_TIMEOUT = "5"
FULL, ZERO, LESS = "full marks", "zero", "fewer points than the reference"


def _first(nb, pred):
    return next(i for i, c in enumerate(nb.cells) if pred(c))


def _answer_index(nb):
    return _first(nb, lambda c: c.cell_type == "code" and nbs.is_solution(c))


def _prepend_to_first_answer(ref, code):
    nb = copy.deepcopy(ref)
    cell = nb.cells[_answer_index(nb)]
    cell.source = code + "\n" + cell.source
    return nb


def _cases(release_nb, ref):
    """name -> (files, expected status, expected points, reason fragment).
    files: notebook/file name -> NotebookNode or str (raw text)."""
    name = release_nb.metadata.get("_name")
    cases = {}
    text = json.dumps(ref)
    cases["invalid-json"] = ({name: text[: len(text) // 2]}, outcomes.FAILED, None, "not valid JSON")
    cases["missing-notebook"] = ({"notes.txt": "I could not finish, sorry"}, outcomes.FAILED, None, "notebook missing")
    cases["renamed-notebook"] = ({"Copy of " + name: ref}, outcomes.FAILED, None, "renamed")
    nb = copy.deepcopy(ref)
    deleted = nb.cells.pop(_first(nb, nbs.is_test))
    cases["deleted-test-cell"] = ({name: nb}, outcomes.GRADED, FULL,
                                  f"test cells deleted or their nbgrader metadata lost, put back and graded: "
                                  f"{nbs.grade_id(deleted)}")
    nb = copy.deepcopy(release_nb)
    for cell in nb.cells:
        if nbs.is_test(cell):
            cell.source = "pass"
    cases["tests-edited-to-pass"] = ({name: nb}, outcomes.GRADED, ZERO, "")
    nb = copy.deepcopy(release_nb)
    for i, cell in enumerate(nb.cells):
        if nbs.is_test(cell):
            nb.cells[i] = nbformat_markdown(cell)
    cases["tests-turned-into-markdown"] = ({name: nb}, outcomes.GRADED, ZERO, "")
    nb = copy.deepcopy(ref)
    first = nb.cells[_answer_index(nb)]
    first.source = first.source + "\n\n" + "\n".join(
        f"def {n}(*args, **kwargs):\n    raise RuntimeError('my answer crashed')" for n in nbs.defined_names(first.source)[:1])
    cases["answer-raises"] = ({name: nb}, outcomes.GRADED, LESS, "")
    cases["infinite-loop"] = ({name: _prepend_to_first_answer(ref, "while True:\n    pass")},
                              outcomes.TIMEOUT, LESS, "time limit")
    cases["kernel-exits"] = ({name: _prepend_to_first_answer(ref, "import os\nos._exit(3)")},
                             outcomes.FAILED, None, "kernel died")
    cases["huge-output"] = ({name: _prepend_to_first_answer(ref, "print('x' * 30_000_000)")},
                            outcomes.GRADED, FULL, "")
    nb = copy.deepcopy(ref)
    i = _answer_index(nb)
    nb.cells.insert(i + 1, copy.deepcopy(nb.cells[i]))
    if "id" in nb.cells[i]:  # as JupyterLab's copy and paste: a cell id of its own, the same nbgrader metadata
        nb.cells[i + 1]["id"] = nb.cells[i]["id"] + "-copy"
    cases["answer-cell-copied-twice"] = ({name: nb}, outcomes.GRADED, FULL, "")
    cases["unanswered"] = ({name: copy.deepcopy(release_nb)}, outcomes.GRADED, ZERO, "")
    # a graded answer deleted with its test cell, and a written answer after a given cell: nbgrader puts a
    # missing graded cell back after the source cell before it, and failed the submission (KeyError) when that
    # one was gone too or was a given cell; the course's OverwriteCells puts each back and grades the rest
    nb = copy.deepcopy(ref)
    answer = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and nbs.is_solution(c)][1]
    test = next(i for i in range(answer + 1, len(nb.cells)) if nbs.is_test(nb.cells[i]))
    written = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and nbs.is_grade(c)
                   and _given(next(c for c in reversed(nb.cells[:i]) if nbs.meta(c))))
    blank = nbs.grade_id(nb.cells[written])
    for i in sorted((written, test, answer), reverse=True):
        del nb.cells[i]
    # the instructor's report names the written answer put back blank, to be graded by hand
    cases["answer-and-its-test-deleted"] = ({name: nb}, outcomes.GRADED, LESS,
                                            f"put back blank (the learner's text may be in a plain cell beside "
                                            f"each: grade it by hand): {blank}")
    # every cell's nbgrader metadata lost (a notebook rebuilt in another editor): nothing to put the graded
    # cells back beside, so not graded (rather than every test put at the top, before the answers)
    nb = copy.deepcopy(ref)
    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)
    cases["metadata-lost"] = ({name: nb}, outcomes.FAILED, None, "no cell of the released notebook left")
    cases["extra-files"] = ({name: ref, "scratch.ipynb": copy.deepcopy(release_nb), "data.csv": "a,b\n1,2\n"},
                            outcomes.GRADED, FULL, "")
    return cases


def _given(cell):
    """A read-only cell of the notebook's own (code or text given to the learner), neither graded nor an answer."""
    return nbs.meta(cell).get("locked") and not nbs.is_grade(cell) and not nbs.is_solution(cell)


def nbformat_markdown(cell):
    md = copy.deepcopy(cell)
    md.cell_type = "markdown"
    md.pop("outputs", None)
    md.pop("execution_count", None)
    return md


def _hand_in(course, student, files):
    folder = course / "submitted" / student / ASSIGNMENT
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for fname, content in files.items():
        if isinstance(content, str):
            (folder / fname).write_text(content)
        else:
            import nbformat
            nbformat.write(content, str(folder / fname))


def _code_scores(grades, student):
    return {g["grade_id"]: g["score"] for cells in grades[student].values() for g in cells
            if g["cell_type"] == "code"}


def course_with_good_learners(folder, generated):
    """A course with ASSIGNMENT generated and two learners, good-1 and good-2,
    who handed in the reference solution (nothing graded yet).
    Returns (course, notebook, release_nb, ref, others): the first notebook's
    name, its release (metadata "_name" = its name) and reference, and the
    references of the assignment's other notebooks by name."""
    course = grading.copy_course(folder / "course")
    shutil.copytree(generated / "release", course / "release")
    grading.generate(course, ASSIGNMENT)
    notebook = source_notebooks(ASSIGNMENT)[0].name
    release_nb = nbs.read(course / "release" / ASSIGNMENT / notebook)
    ref = submissions.reference(release_nb, read_source(ASSIGNMENT, notebook))
    release_nb.metadata["_name"] = notebook
    others = {p.name: submissions.reference(nbs.read(course / "release" / ASSIGNMENT / p.name),
                                            read_source(ASSIGNMENT, p.name))
              for p in source_notebooks(ASSIGNMENT)[1:]}
    for student in ("good-1", "good-2"):
        _hand_in(course, student, {notebook: ref, **others})
    return course, notebook, release_nb, ref, others


@pytest.fixture(scope="module")
def broken_class(tmp_path_factory, generated):
    """Autograde good learners, then the broken collection beside them, then again."""
    # 1. two good learners are graded first
    course, notebook, release_nb, ref, others = course_with_good_learners(tmp_path_factory.mktemp("broken"),
                                                                          generated)
    os.environ["COURSE_CELL_TIMEOUT"] = CELL_TIMEOUT
    try:
        first_status = grading.autograde_class(course, ASSIGNMENT)
        before = grading.read_grades(course, ASSIGNMENT)
        # 2. the broken collection arrives; everybody is graded in one run
        cases = _cases(release_nb, ref)
        for student, (files, *_rest) in cases.items():
            _hand_in(course, student, {**files, **({} if student in ("missing-notebook", "renamed-notebook") else others)})
        status = grading.autograde_class(course, ASSIGNMENT)
        after = grading.read_grades(course, ASSIGNMENT)
        # 3. and again: grading is idempotent
        status_again = grading.autograde_class(course, ASSIGNMENT)
        again = grading.read_grades(course, ASSIGNMENT)
        grading.nbgrader(["generate_feedback", ASSIGNMENT, "--force"], course)
    finally:
        os.environ.pop("COURSE_CELL_TIMEOUT", None)
    return dict(course=course, cases=cases, first_status=first_status, before=before, status=status,
                after=after, status_again=status_again, again=again)


CASE_NAMES = ["invalid-json", "missing-notebook", "renamed-notebook", "deleted-test-cell", "tests-edited-to-pass",
              "tests-turned-into-markdown", "answer-raises", "infinite-loop", "kernel-exits", "huge-output",
              "answer-cell-copied-twice", "unanswered", "extra-files", "answer-and-its-test-deleted", "metadata-lost"]


@pytest.mark.parametrize("case", CASE_NAMES)
def test_expected_outcome(broken_class, case):
    _files, want_status, want_points, reason = broken_class["cases"][case]
    got = broken_class["status"][case]
    assert got["status"] == want_status, f"{case}: status {got}, expected {want_status}"
    assert reason in got["reason"], f"{case}: reason {got['reason']!r} should mention {reason!r}"
    if want_points is None:
        return
    ref_scores = _code_scores(broken_class["after"], "good-1")
    scores = _code_scores(broken_class["after"], case)
    total, full = sum(v or 0 for v in scores.values()), sum(v or 0 for v in ref_scores.values())
    if want_points == FULL:
        assert scores == ref_scores, f"{case}: should keep full marks, got {scores}"
    elif want_points == ZERO:
        assert total == 0, f"{case}: should score 0, got {scores}"
    else:
        assert total < full, f"{case}: should lose points ({total}/{full})"


def test_deleted_graded_cells_are_put_back_in_place(broken_class):
    """The learner who deleted an answer with its test, and a written answer
    after a given cell, is graded with every graded cell of the source back
    in the autograded notebook, once each and in the source's order, each
    after the source cell before it where that one is there (nbgrader alone
    failed the submission: the cell before the missing one was gone too, or
    was a given cell it did not look for)."""
    course = broken_class["course"]
    notebook = source_notebooks(ASSIGNMENT)[0].name
    source_cells = read_source(ASSIGNMENT, notebook).cells
    source = [nbs.grade_id(c) for c in source_cells if nbs.meta(c)]
    want = [nbs.grade_id(c) for c in source_cells if nbs.is_grade(c)]
    cells = nbs.read(course / "autograded" / "answer-and-its-test-deleted" / ASSIGNMENT / notebook).cells
    got = [nbs.grade_id(c) for c in cells if nbs.is_grade(c)]
    assert got == want, f"graded cells in the autograded notebook: {got}, expected {want}"
    ids = [nbs.grade_id(c) for c in cells if nbs.meta(c)]
    for i, grade_id in enumerate(ids):
        if grade_id in want and i:  # after the source cell before it, where that one is still there
            before = source[source.index(grade_id) - 1]
            assert before not in ids or ids.index(before) < i, f"{grade_id} was put back before {before}"
    restored = [c for c in cells if "was missing from the submission" in c.source]
    assert len(restored) == 2 and {c.cell_type for c in restored} == {"code", "markdown"}, \
        [nbs.grade_id(c) for c in restored]


def test_good_learners_untouched_by_broken_ones(broken_class):
    assert broken_class["first_status"] == {s: {"status": "graded", "reason": ""} for s in ("good-1", "good-2")}
    for student in ("good-1", "good-2"):
        assert broken_class["status"][student]["status"] == outcomes.GRADED
        assert broken_class["after"][student] == broken_class["before"][student], f"{student}'s grades changed"


def test_grading_again_gives_the_same_grades(broken_class):
    assert broken_class["status_again"] == broken_class["status"]
    assert broken_class["again"] == broken_class["after"]


def test_feedback_is_small_even_for_huge_output(broken_class):
    feedback = broken_class["course"] / "feedback" / "huge-output" / ASSIGNMENT
    sizes = [p.stat().st_size for p in feedback.glob("*.html")]
    assert sizes and max(sizes) < 5_000_000, f"feedback pages of {sizes} bytes: output was not cut"


def test_feedback_never_shows_hidden_tests(broken_class):
    """Every hidden-test line of source/ is absent from every feedback page."""
    pages = list((broken_class["course"] / "feedback").rglob("*.html"))
    assert pages, "no feedback was generated"
    text = visible_text("\n".join(p.read_text(errors="replace") for p in pages))
    for src in source_notebooks(ASSIGNMENT):
        nb = read_source(ASSIGNMENT, src.name)
        for line in nbs.distinctive(nbs.hidden_test_lines(nb), nbs.public_lines(nb)):
            assert line not in text, f"hidden test line in feedback: {line!r}"


@pytest.mark.parametrize("text, where", [
    ('{\n "cells": [\n  {"cell_type": "code",\n', r"\(Expecting .+: line 4, column 1\)$"),  # a cut upload
    ('{"cells": [{"source": "cut here', r"\(Unterminated string starting at: line 1, column 23\)$"),  # cut in a string
    ("\x00PK\x03\x04" + "x" * 300, r"\(Expecting value: line 1, column 1\)$"),  # a zip handed in as .ipynb
    ('["cells"]', r"valid Jupyter notebook: nb.ipynb \([^()]{1,80}\)$"),  # JSON, not a notebook
])
def test_a_broken_notebook_is_reported_with_where_it_breaks(tmp_path, text, where):
    """The instructor's report names the place a broken upload breaks, in
    one line with its parentheses closed (it used to cut nbgrader's message
    at 80 characters, mid-word and without its closing parenthesis)."""
    (tmp_path / "source" / "a").mkdir(parents=True)
    (tmp_path / "source" / "a" / "nb.ipynb").write_text("{}")
    (tmp_path / "submitted" / "s" / "a").mkdir(parents=True)
    (tmp_path / "submitted" / "s" / "a" / "nb.ipynb").write_text(text)
    [problem] = outcomes.preflight(tmp_path, "a", "s")
    assert problem.startswith("notebook is not ") and "nb.ipynb" in problem, problem
    assert "\n" not in problem and re.search(where, problem), problem
