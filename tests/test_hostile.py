"""Hostile submissions: tricks that try to make failing tests look passed,
or that reach outside the learner's own folder.

Each trick, named after what it does, is added to a submission that loses
points (a few of the usual mistakes from variants/). Graded with nbgrader
autograde in the course's grading kernel (coursetools/guard.py) inside its
sandbox (coursetools/sandbox.py), a submission with a trick must get no more
points than the same submission without it, on every test cell; good
submissions keep full marks beside them; source/, release/, every learner's
submitted/ files and the gradebook's own records are as before grading.
README ("Cheat resistance") lists each trick with its expected outcome.
"""
import copy
import time

import nbformat
import pytest

from conftest import read_source
from test_robustness import CELL_TIMEOUT  # the broken kernel is given up on sooner
from coursetools import ROOT, grading, notebooks as nbs, outcomes, submissions
from test_defuse import HOSTILE_CELLS, _active

ASSIGNMENT, NOTEBOOK = "02_metrics", "metrics.ipynb"
MISTAKES = ("wrong__confusion_counts__wrong_order.py", "wrong__precision_recall_f1__swapped.py",
            "wrong__roc_points__no_start_point.py")

# Code cells a learner adds near the top of the notebook (name -> code).
TRICKS = {
    # neuters every later cell that checks something, before IPython parses it
    "input-transformer-empties-tests": '''
def _neuter(lines):
    return ["pass\\n"] if any("assert" in line for line in lines) else lines
get_ipython().input_transformers_cleanup.append(_neuter)
''',
    # drops every assert statement from later cells
    "ast-transformer-drops-asserts": '''
import ast
class _DropAsserts(ast.NodeTransformer):
    def visit_Assert(self, node):
        return ast.Pass()
get_ipython().ast_transformers.append(_DropAsserts())
''',
    # notebook variables named like the built-ins the checks call: a tuple that equals anything, and
    # isinstance, all and any that always agree (the checks import Python's own)
    "names-like-the-builtins-the-checks-call": '''
_real_tuple = tuple
class _Same(_real_tuple):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = _real_tuple.__hash__
def tuple(values=()):
    return _Same(values)
def isinstance(*args):
    return True
def all(*args):
    return True
def any(*args):
    return True
''',
    # runs every later cell inside try/except, so nothing fails
    "run-cell-swallows-errors": '''
import textwrap
_ip = get_ipython()
_run_cell, _run_cell_async = _ip.run_cell, _ip.run_cell_async
def _wrap(code):
    return "try:\\n" + textwrap.indent(code, "    ") + "\\nexcept BaseException:\\n    pass\\n"
def _patched(raw_cell, *args, **kwargs):
    return _run_cell(_wrap(raw_cell), *args, **kwargs)
async def _patched_async(raw_cell, *args, **kwargs):
    return await _run_cell_async(_wrap(raw_cell), *args, **kwargs)
_ip.run_cell, _ip.run_cell_async = _patched, _patched_async
''',
    # errors are never displayed, and the cell's result is marked successful
    "silent-traceback-and-cleared-result": '''
_ip = get_ipython()
_ip.showtraceback = lambda *args, **kwargs: None
_ip._showtraceback = lambda *args, **kwargs: None
def _clear(result):
    result.error_in_exec = None
    result.error_before_exec = None
_ip.events.register("post_run_cell", _clear)
''',
    # a custom handler swallows every exception
    "custom-exception-handler": '''
get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)
''',
    # the functions checks compare with are made to agree with anything
    "patched-builtins-math-numpy": '''
import builtins, math, numpy, numpy.testing
builtins.abs = lambda x: 0
builtins.isinstance = lambda obj, cls: True
math.isclose = lambda *args, **kwargs: True
numpy.allclose = lambda *args, **kwargs: True
numpy.array_equal = lambda *args, **kwargs: True
numpy.isclose = lambda *args, **kwargs: numpy.True_
numpy.testing.assert_allclose = lambda *args, **kwargs: None
''',
    # the kernel's class is patched instead of the shell instance
    # a trace function that makes the shell display a result at the start of every later cell,
    # before its checks: nbgrader scored a test cell by its first result (ScoreByChecks)
    "trace-hook-displays-a-result": '''
import sys as _sys
_seen = set()
def _trace(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "<module>":
        count = get_ipython().execution_count
        if count not in _seen:
            _seen.add(count)
            get_ipython().displayhook("done")
    return None
_sys.settrace(_trace)
''',
    "class-level-run-cell": '''
import textwrap
from IPython.core.interactiveshell import InteractiveShell
_orig = InteractiveShell.run_cell_async
async def _swallow(self, raw_cell, *args, **kwargs):
    code = "try:\\n" + textwrap.indent(raw_cell, "    ") + "\\nexcept BaseException:\\n    pass\\n"
    return await _orig(self, code, *args, **kwargs)
InteractiveShell.run_cell_async = _swallow
''',
}

# Tricks on the files around the learner's folder. Each defines `_trick()` in
# a cell near the top; every answer cell then ends with `_trick()`. They look
# for the course the way a learner would: up from the working folder, and
# next to the coursetools package the grading kernel imports.
_FIND_COURSES = '''
import glob, json, os, sqlite3, sys
def _course_roots():
    roots, folder = set(), os.getcwd()
    while folder != os.path.dirname(folder):
        roots.add(folder)
        folder = os.path.dirname(folder)
    try:
        import coursetools
        roots.add(os.path.dirname(os.path.dirname(os.path.abspath(coursetools.__file__))))
    except Exception:
        pass
    return sorted(roots)
'''
FILE_TRICKS = {
    # runs the instructor's solutions from source/ over the learner's answers
    "reads-the-source-notebook": _FIND_COURSES + '''
def _trick():
    for root in _course_roots():
        for path in glob.glob(os.path.join(root, "source", "*", "metrics.ipynb")):
            try:
                cells = json.load(open(path))["cells"]
            except Exception:
                continue
            for cell in cells:
                if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and cell["cell_type"] == "code":
                    exec("".join(cell["source"]), globals())
''',
    # writes into the gradebook: a table of its own, and every max score to 0
    "writes-the-gradebook": _FIND_COURSES + '''
def _trick():
    for root in _course_roots():
        path = os.path.join(root, "gradebook.db")
        if os.path.exists(path):
            try:
                db = sqlite3.connect(path)
                db.execute("CREATE TABLE IF NOT EXISTS hacked (who TEXT)")
                db.execute("UPDATE grade_cells SET max_score = 0")
                db.commit()
                db.close()
            except Exception:
                pass
''',
    # overwrites the other learners' submitted and autograded notebooks with its own
    "edits-other-learners-files": _FIND_COURSES + '''
def _trick():
    mine = None
    for root in _course_roots():
        for path in glob.glob(os.path.join(root, "submitted", "*", "02_metrics", "metrics.ipynb")):
            if "edits-other-learners-files" in path:
                mine = open(path).read()
        for path in glob.glob(os.path.join(root, "*", "*", "02_metrics", "*")):
            if mine and "edits-other-learners-files" not in path:
                try:
                    open(path, "w").write(mine)
                except Exception:
                    pass
''',
    # nbgrader executes the notebook in the learner's folder and then writes
    # the graded copy there: a link in its name, to another learner's
    # hand-in, would have nbgrader write through it with the grader's rights
    "links-its-notebook-to-another-learners": """
import os
def _trick():
    for name in os.listdir("."):
        if name.endswith(".ipynb"):
            os.remove(name)
            os.symlink(os.path.join("..", "..", "..", "submitted", "reference", "02_metrics", name), name)
""",
    # a FIFO in a notebook's name blocks whoever opens it after the kernel
    "plants-a-fifo-notebook": """
import os
def _trick():
    if not os.path.exists("zz.ipynb"):
        os.mkfifo("zz.ipynb")
""",
    # lines in nbgrader's log format, written where nbgrader's log goes (the
    # stderr the kernel was started with), that report another learner failed
    "forges-the-log-for-another-learner": """
import os, sys
_FORGED = ("\\n[AutogradeApp | INFO] Creating/updating student with ID 'reference': {}\\n"
           "[AutogradeApp | ERROR] Kernel died while waiting for execute reply.\\n"
           "[AutogradeApp | ERROR] There was an error processing assignment '02_metrics' for student 'reference'\\n")
def _trick():
    fds = {getattr(stream, "_original_stdstream_copy", None) for stream in (sys.stdout, sys.stderr)}
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith(("/", "pipe:")):
                fds.add(int(fd))
        except OSError:
            pass
    for fd in fds - {None, 0}:
        try:
            os.write(fd, _FORGED.encode())
        except OSError:
            pass
""",
}

# The answers themselves patch the checking functions each time a test calls
# them, in the middle of the test cell (after the guard restored them).
PATCHING_ANSWERS = '''
def _patch_checks():
    import builtins, math, numpy, numpy.testing
    builtins.isinstance = lambda obj, cls: True
    builtins.abs = lambda x: 0
    math.isclose = lambda *args, **kwargs: True
    numpy.allclose = lambda *args, **kwargs: True
    numpy.isclose = lambda *args, **kwargs: numpy.True_
    numpy.array_equal = lambda *args, **kwargs: True
    numpy.testing.assert_allclose = lambda *args, **kwargs: None
def _patching(function):
    if not callable(function):  # a written answer (a constant) stays as it is
        return function
    def answer(*args, **kwargs):
        _patch_checks()
        return function(*args, **kwargs)
    return answer
'''

# Answers that make the shell display a result each time a test calls them,
# before the test's checks fail: nbgrader read a test cell's first result as
# its score (full marks for text, partial credit for a number of the
# learner's choosing; coursetools.preprocessors.ScoreByChecks).
DISPLAYING_ANSWERS = '''
def _displaying(function):
    if not callable(function):  # a written answer (a constant) stays as it is
        return function
    def answer(*args, **kwargs):
        get_ipython().displayhook("done")
        return function(*args, **kwargs)
    return answer
'''

# Answers that leave the kernel's normal error path: the function the tests
# call raises SystemExit / KeyboardInterrupt instead of returning. Compared
# with the same function raising an ordinary error.
EXITING_ANSWERS = {
    "system-exit-from-answer": "raise SystemExit(0)",
    "keyboard-interrupt-from-answer": "raise KeyboardInterrupt",
}
PLAIN_ERROR = "raise RuntimeError('not done')"

# Code against the kernel itself. Patching the real builtins module (not the
# notebook's copy) would break ipykernel's own message handling; the guard
# puts it back right after the cell. A loop that swallows the interrupt never
# lets the kernel answer again: GradingExecute stops it. Either way grading
# must end, in bounded time, with no points gained.
KERNEL_BREAKERS = {
    "patches-the-real-builtins": "print.__self__.isinstance = lambda *args, **kwargs: True",
    "ignores-interrupts": """
import time
def _forever():
    while True:
        try:
            time.sleep(0.1)
        except KeyboardInterrupt:
            pass
_forever()
""",
}


def _with_cell(nb, code):
    out = copy.deepcopy(nb)
    out.cells.insert(1, nbformat.v4.new_code_cell(code.strip()))
    return out


def _with_file_trick(nb, code):
    out = _with_cell(nb, code)
    for cell in out.cells:
        if cell.cell_type == "code" and nbs.is_solution(cell):
            cell.source += "\n\n_trick()"
    return out


def _raising(nb, statement):
    code = f"def confusion_counts(y_true, y_pred):\n    {statement}\n"
    return submissions.apply_variant(nb, code)


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory, generated):
    course = grading.copy_course(tmp_path_factory.mktemp("hostile") / "course")
    grading.generate(course, ASSIGNMENT)
    release = nbs.read(course / "release" / ASSIGNMENT / NOTEBOOK)
    ref = submissions.reference(release, read_source(ASSIGNMENT, NOTEBOOK))
    mistaken = ref
    for name in MISTAKES:
        mistaken = submissions.apply_variant(
            mistaken, (ROOT / "variants" / ASSIGNMENT / "metrics" / name).read_text())
    learners = {"reference": ref, "mistaken": mistaken, "plain-error": _raising(ref, PLAIN_ERROR)}
    # each trick on the mistaken submission, and on the reference (a good
    # submission with a trick cell keeps its marks: the cell is harmless)
    for trick, code in TRICKS.items():
        learners[trick] = _with_cell(mistaken, code)
    for trick, code in FILE_TRICKS.items():
        learners[trick] = _with_file_trick(mistaken, code)
    learners["reference-with-trick"] = _with_cell(ref, TRICKS["run-cell-swallows-errors"])
    learners["patches-checks-during-the-test"] = submissions.wrap_graded_names(
        mistaken, read_source(ASSIGNMENT, NOTEBOOK), PATCHING_ANSWERS, "_patching")
    learners["displays-a-result-during-the-test"] = submissions.wrap_graded_names(
        mistaken, read_source(ASSIGNMENT, NOTEBOOK), DISPLAYING_ANSWERS, "_displaying")
    # HTML and scripts for the instructor's browser (formgrader, feedback pages): in cells of its
    # own, and displayed by a cell it runs
    html = _with_cell(mistaken, "from IPython.display import HTML, display\n"
                                "display(HTML(\"<img src=x onerror=alert('displayed')>\"))")
    html.cells[2:2] = copy.deepcopy([c for c in HOSTILE_CELLS if c.cell_type != "code"])
    learners["html-for-the-instructors-browser"] = html
    for name, code in KERNEL_BREAKERS.items():
        learners[name] = _with_cell(mistaken, code)
    for name, statement in EXITING_ANSWERS.items():
        learners[name] = _raising(ref, statement)
    for sid, nb in learners.items():
        submissions.write_submission(course, sid, ASSIGNMENT, {NOTEBOOK: nb})
    before = _files(course)
    started = time.monotonic()
    status = grading.autograde_class(course, ASSIGNMENT, env={"COURSE_CELL_TIMEOUT": CELL_TIMEOUT})
    print(f"\n[hostile] {len(learners)} submissions graded in {time.monotonic() - started:.0f} s")
    return status, grading.read_grades(course, ASSIGNMENT), course, before


def _files(course):
    """Everything in the course but autograde's own output: path -> bytes."""
    return {str(p.relative_to(course)): p.read_bytes() for p in sorted(course.rglob("*"))
            if p.is_file() and p.parts[len(course.parts)] not in ("autograded", "gradebook.db")
            and not p.name.startswith("autograde-") and "__pycache__" not in p.parts}


def _scores(grades, sid):
    return {g["grade_id"]: g["score"] or 0 for g in grades[sid]["metrics"] if g["cell_type"] == "code"}


def test_the_mistaken_submission_loses_points(hostile_class):
    _, grades, _, _ = hostile_class
    full, mistaken = _scores(grades, "reference"), _scores(grades, "mistaken")
    assert sum(mistaken.values()) < sum(full.values()), "the base of the tricks must lose points"


@pytest.mark.parametrize("trick", sorted(TRICKS) + sorted(FILE_TRICKS)
                         + ["patches-checks-during-the-test", "displays-a-result-during-the-test"])
def test_trick_gains_nothing(hostile_class, trick):
    status, grades, _, _ = hostile_class
    assert status[trick]["status"] == outcomes.GRADED, status[trick]
    base, got = _scores(grades, "mistaken"), _scores(grades, trick)
    gained = {cell: (base[cell], got[cell]) for cell in base if got[cell] > base[cell]}
    assert not gained, f"{trick}: more points than without the trick on {gained}"


def test_a_learners_html_does_not_reach_the_instructors_browser(hostile_class):
    """Formgrader's grading page and the feedback pages are the autograded
    notebook through nbconvert: nothing of the learner's may run there, with
    the instructor's login (a script there changed another learner's grades
    through formgrader's API). Their text stays, to be graded."""
    status, grades, course, _ = hostile_class
    sid = "html-for-the-instructors-browser"
    assert status[sid]["status"] == outcomes.GRADED, status[sid]
    graded = nbs.read(course / "autograded" / sid / ASSIGNMENT / NOTEBOOK)
    template, found = _active(nbformat.v4.new_notebook()), _active(graded)
    assert (found.scripts, found.attributes) == (template.scripts, template.attributes), found.attributes
    assert any("fetch('/formgrader/api/grade/1'" in c.source for c in graded.cells), "the learner's text is gone"
    assert _scores(grades, sid) == _scores(grades, "mistaken")


@pytest.mark.parametrize("trick", sorted(EXITING_ANSWERS))
def test_exiting_answer_gains_nothing(hostile_class, trick):
    status, grades, _, _ = hostile_class
    base, got = _scores(grades, "plain-error"), _scores(grades, trick)
    assert status[trick]["status"] in (outcomes.GRADED, outcomes.FAILED), status[trick]
    if status[trick]["status"] == outcomes.GRADED:
        gained = {cell: (base[cell], got[cell]) for cell in base if got[cell] > base[cell]}
        assert not gained, f"{trick}: more points than an ordinary error on {gained}"


def test_good_submission_keeps_full_marks(hostile_class):
    status, grades, _, _ = hostile_class
    full = _scores(grades, "reference")
    assert all(g["score"] == g["max_score"] for g in grades["reference"]["metrics"] if g["cell_type"] == "code")
    assert _scores(grades, "reference-with-trick") == full
    assert status["reference-with-trick"]["status"] == outcomes.GRADED
    # graded after the tricks, whose log lines say it failed and whose links
    # point at its hand-in
    assert status["reference"] == {"status": outcomes.GRADED, "reason": ""}, status["reference"]


def test_no_file_outside_the_learners_folders_changed(hostile_class):
    """source/, release/, submitted/ (every learner's) and the rest of the
    course are byte for byte as before grading."""
    _, _, course, before = hostile_class
    after = _files(course)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert not changed, f"files changed by grading hostile submissions: {changed[:10]}"


def test_gradebook_untouched_by_learners(hostile_class):
    import sqlite3
    _, grades, course, _ = hostile_class
    db = sqlite3.connect(course / "gradebook.db")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    zero = db.execute("SELECT COUNT(*) FROM grade_cells WHERE max_score = 0").fetchone()[0]
    db.close()
    assert "hacked" not in tables, "a learner's code wrote into gradebook.db"
    assert zero == 0, "a learner's code set max scores in gradebook.db"
    assert sum(g["max_score"] for g in grades["reference"]["metrics"]) > 0


@pytest.mark.parametrize("trick", sorted(KERNEL_BREAKERS))
def test_a_broken_kernel_ends_grading_with_nothing_gained(hostile_class, trick):
    """The submission fails with the reason (the kernel stopped answering),
    or is graded with no more points than without the trick."""
    status, grades, course, _ = hostile_class
    st = status[trick]
    if st["status"] == outcomes.FAILED:
        assert "kernel stopped" in st["reason"], st
        # not tried again alone (grading.autograde_class): it would wait out the time limit twice more
        assert f"--- {trick} alone ---" not in (course / f"autograde-{ASSIGNMENT}.log").read_text()
    else:
        base, got = _scores(grades, "mistaken"), _scores(grades, trick)
        assert not {cell for cell in base if got[cell] > base[cell]}, (st, got)
