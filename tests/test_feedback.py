"""Learner feedback carries verdicts and check messages only.

A learner's function that a test calls can find the source of the calling
test cell, hidden tests included: through the caller's frame and
`linecache` or `inspect`, the notebook's `In` / `_ih`, or the shell's
history. The leaking answers below do that whenever a test cell with hidden
tests calls a graded function of 02_metrics, and let the text out through
every door a cell has: printing, stderr, `display`, an exception (an
AssertionError too, raised inside the learner's function, so that it looks
like a check's), a return value that a check's message quotes, and a global
that a later cell of the learner's own prints. Graded and turned into
feedback by nbgrader with the course's HideHiddenTests, none of that text
may reach the feedback page; the checks' own failure messages and the
output of the learner's own cells still do.
"""
import re
import sysconfig

import nbformat
import pytest

from conftest import read_source, visible_text
from coursetools import ROOT, grading, notebooks as nbs, outcomes, selfgrade, submissions
from coursetools.feedback import OUTPUT_HIDDEN_NOTE, FeedbackRules

ASSIGNMENT, NOTEBOOK = "02_metrics", "metrics.ipynb"
MISTAKE = "wrong__roc_points__no_start_point.py"
LEAKER, MISTAKEN = "leaking-answers", "mistaken"

# graded function -> (where it finds the calling cell's source, how it lets it out)
LEAKS = {
    "confusion_counts": ("linecache", "return"),
    "precision_recall_f1": ("history", "stderr"),
    "accuracy_paradox": ("inspect", "display"),
    "roc_points": ("linecache", "print"),
    "auc_trapezoid": ("In", "raise"),
    "average_precision": ("_ih", "assert"),
    "best_f1_threshold": ("In", "stash"),
    "min_cost_threshold": ("history", "print"),
    "roc_vs_pr_under_imbalance": ("inspect", "raise"),
}
# The marks are built from pieces, so that they appear in feedback only as
# output, never as the learner's code (which the feedback page shows too).
_HELPERS = '''
import inspect, linecache, sys
import IPython.display
_LEAKS = {leaks!r}
_STASH = []


def _caller_source(where, frame):
    if where == "linecache":
        return "".join(linecache.getlines(frame.f_code.co_filename))
    if where == "inspect":
        return "".join(inspect.getframeinfo(frame, context=100_000).code_context or [])
    if where in ("In", "_ih"):
        return frame.f_globals[where][-1]
    return get_ipython().history_manager.input_hist_raw[-1]


def _leaking(function):
    """The graded function, leaking the source of a test cell with hidden tests that calls it."""
    if not callable(function):
        return function
    where, how = _LEAKS[function.__name__]
    def answer(*args, **kwargs):
        source = _caller_source(where, sys._getframe(1))
        if "HIDDEN" + " TESTS" in source:
            text = "LEAKED" + "-BY-" + "LEARNER" + "\\n" + source
            if how == "print":
                print(text)
            elif how == "stderr":
                sys.stderr.write(text)
            elif how == "display":
                IPython.display.display(text)
            elif how == "raise":
                raise ValueError(text)
            elif how == "assert":
                assert False, text
            elif how == "return":
                return text
            elif how == "stash":
                _STASH.append(text)
        return function(*args, **kwargs)
    return answer


print("OWN" + "-OUTPUT-" + "SHOWN", "(an answer cell's own output)")
'''
# The learner's own last cell prints what the stash collected.
_PRINT_STASH = 'print("\\n".join(_STASH))'


@pytest.fixture(scope="module")
def feedback_class(tmp_path_factory):
    course = grading.copy_course(tmp_path_factory.mktemp("feedback") / "course")
    grading.generate(course, ASSIGNMENT)
    source_nb = read_source(ASSIGNMENT, NOTEBOOK)
    ref = submissions.reference(nbs.read(course / "release" / ASSIGNMENT / NOTEBOOK), source_nb)
    assert sorted(LEAKS) == sorted(n for n in set(nbs.graded_names(source_nb)) if n != "METRIC_CHOICE")
    leaker = submissions.wrap_graded_names(ref, source_nb, _HELPERS.format(leaks=LEAKS), "_leaking")
    leaker.cells.append(nbformat.v4.new_code_cell(_PRINT_STASH))
    mistaken = submissions.apply_variant(ref, (ROOT / "variants" / ASSIGNMENT / "metrics" / MISTAKE).read_text())
    for sid, nb in {LEAKER: leaker, MISTAKEN: mistaken}.items():
        submissions.write_submission(course, sid, ASSIGNMENT, {NOTEBOOK: nb})
    status = grading.autograde_class(course, ASSIGNMENT)
    grading.nbgrader(["generate_feedback", ASSIGNMENT, "--force"], course)
    return course, status, grading.read_grades(course, ASSIGNMENT)


def _graded(course, sid):
    return nbs.read(course / "autograded" / sid / ASSIGNMENT / NOTEBOOK)


def _page(course, sid):
    return visible_text((course / "feedback" / sid / ASSIGNMENT / NOTEBOOK.replace(".ipynb", ".html")).read_text())


def _hidden_lines(cells=None):
    """Hidden-test lines worth searching for (of the test cells `cells`, by
    grade id, or of all): long enough to be specific and shown nowhere in the
    release. Comments count: they are hidden code too."""
    src = read_source(ASSIGNMENT, NOTEBOOK)
    public = "\n".join(line.strip() for line in nbs.public_lines(src))
    hidden = nbs.hidden_test_lines(nbformat.v4.new_notebook(
        cells=[c for c in src.cells if cells is None or nbs.grade_id(c) in cells]))
    return sorted({s for s in map(str.strip, hidden) if len(s) >= 16 and s not in public})


@pytest.mark.parametrize("function", sorted(LEAKS))
def test_each_leak_reaches_the_autograded_notebook(feedback_class, function):
    """The trick works: the autograded outputs of the test cell (of the last
    cell, for the stash) hold its hidden lines, in a repr or traceback with
    their escapes, so the feedback tests below do not pass for want of a leak."""
    course, status, _ = feedback_class
    assert status[LEAKER]["status"] == outcomes.GRADED, status[LEAKER]
    nb = _graded(course, LEAKER)
    cell = nb.cells[-1] if LEAKS[function][1] == "stash" else \
        next(c for c in nb.cells if nbs.grade_id(c) == f"test_{function}")
    outputs = re.sub(r"[\s\\]+", "", "".join(str(o) for o in cell.outputs))
    lines = _hidden_lines({f"test_{function}"})
    found = [line for line in lines if re.sub(r"\s+", "", line) in outputs]
    assert lines and len(found) >= len(lines) // 2, f"{function}: the leak did not reach the autograded notebook"


@pytest.mark.parametrize("sid", [LEAKER, MISTAKEN])
def test_feedback_holds_no_hidden_line_nor_leaked_text(feedback_class, sid):
    course, _, _ = feedback_class
    page = _page(course, sid)
    leaked = [line for line in _hidden_lines() if line in page]
    assert not leaked, f"{sid}: hidden test lines in feedback: {leaked[:3]}"
    assert "LEAKED-BY-LEARNER" not in page, f"{sid}: what the learner's code emitted during a test reached feedback"
    assert "hidden tests ran here" in page


def test_feedback_says_what_it_withholds_and_keeps_the_learners_own_output(feedback_class):
    course, _, _ = feedback_class
    page = _page(course, LEAKER)
    assert "OWN-OUTPUT-SHOWN (an answer cell's own output)" in page
    # (what it wrote to stderr comes as stdout in the grading kernel: the same note)
    for note in ("your code printed or displayed something while this test ran",
                 "output not shown in feedback: it quotes hidden test code",
                 "its message is not shown in feedback because it quotes hidden test code"):
        assert note in page, note
    # a learner's exception, AssertionError included, shows its type and
    # the learner's function, never its text
    assert "ValueError: raised in your code (answer); its message is not shown" in page
    assert "AssertionError: raised in your code (answer); its message is not shown" in page


def test_check_messages_still_reach_feedback(feedback_class):
    """The mistaken learner sees the message of each failing check, and
    nothing of the submission is withheld."""
    course, _, grades = feedback_class
    failed = [g["grade_id"] for g in grades[MISTAKEN]["metrics"]
              if g["cell_type"] == "code" and (g["score"] or 0) < g["max_score"]]
    assert failed, "the mistaken submission should fail a test"
    cells = {nbs.grade_id(c): c for c in _graded(course, MISTAKEN).cells}
    page = _page(course, MISTAKEN)
    for grade_id in failed:
        errors = [o for o in cells[grade_id].outputs if o.output_type == "error"]
        assert errors and errors[0].ename == "AssertionError", (grade_id, errors)
        assert errors[0].evalue and f"AssertionError: {errors[0].evalue[:200]}" in page, \
            f"{grade_id}: the check's message is missing from feedback"
    withheld = [note for note in ("its message is not shown", "[your code", "[output not shown") if note in page]
    assert not withheld, withheld


@pytest.mark.parametrize("sid", [LEAKER, MISTAKEN])
def test_selfgrade_messages_hold_no_leak(feedback_class, sid):
    """`make selfgrade` prints why each test cell failed, read from the
    autograded notebook: by the same rules as the feedback page."""
    course, _, grades = feedback_class
    lines, score, max_score = selfgrade.report(course, ASSIGNMENT, sid, grades[sid])
    text = "\n".join(lines)
    assert score < max_score and "FAIL" in text, text
    assert "LEAKED-BY-LEARNER" not in text and not [l for l in _hidden_lines() if l in text], text[:3000]
    expected = "raised in your code (answer)" if sid == LEAKER else "the first point (threshold inf, FPR=TPR=0) is missing"
    assert expected in text, text


# The rules on their own, on tracebacks as IPython prints them (colours
# included), in a notebook whose given cell ran as In[1], answer cell as
# In[2] and test cell as In[3]: no grading needed.
def _cell(kind, count, source="", outputs=()):
    cell = nbformat.v4.new_code_cell(source, execution_count=count, outputs=list(outputs))
    cell.metadata.nbgrader = {"grade_id": kind, "locked": kind != "answer", "solution": kind == "answer",
                              "grade": kind == "test", "schema_version": 3, **({"points": 1} if kind == "test" else {})}
    return cell


_TEST_SOURCE = "assert f(1) == 2, 'visible check'\n### BEGIN HIDDEN TESTS\nassert f(12345) == 'secret', 'hidden'\n### END HIDDEN TESTS"
_RULES = FeedbackRules(nbformat.v4.new_notebook(cells=[
    _cell("given", 1), _cell("answer", 2, "def f(x):\n    return x"), _cell("test", 3, _TEST_SOURCE)]))


def _frame(where, function=None):
    head = (f"\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[{where}]\x1b[39m\x1b[32m, line 2\x1b[39m"
            if isinstance(where, int) else f"\x1b[36mFile \x1b[39m\x1b[32m{where}:7\x1b[39m")
    return head + (f", in \x1b[36m{function}\x1b[39m\x1b[34m(x)\x1b[39m" if function else "") + "\n----> 2 code\n"


def _err(ename, evalue, *entries):
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[
        "\x1b[31m" + "-" * 75 + "\x1b[39m", f"\x1b[31m{ename}\x1b[39m    Traceback (most recent call last)",
        *entries, f"\x1b[31m{ename}\x1b[39m: {evalue}"])


_NUMPY = sysconfig.get_paths()["purelib"] + "/numpy/testing/_private/utils.py"
_CHAIN = "\nThe above exception was the direct cause of the following exception:\n"


@pytest.mark.parametrize("output,expected", [
    (_err("AssertionError", "check says why", _frame(3)), "AssertionError: check says why"),
    (_err("AssertionError", "helper check", _frame(3), _frame(3, "_test_helper")), "AssertionError: helper check"),
    (_err("AssertionError", "lib says why", _frame(3), _frame(_NUMPY, "assert_allclose")), "AssertionError: lib says why"),
    (_err("AssertionError", "mine", _frame(3), _frame(2, "f")),
     "AssertionError: raised in your code (f); its message is not shown in feedback"),
    (_err("ValueError", "mine", _frame(3), _frame(2, "outer.<locals>.f"), _frame(2, "g")),
     "ValueError: raised in your code (f -> g); its message is not shown in feedback"),
    (_err("AssertionError", "mine", _frame(3), _frame("<string>", "q")),
     "AssertionError: raised in your code (q); its message is not shown in feedback"),
    (_err("AssertionError", "mine", _frame(3), "    \x1b[31m[... skipping hidden 1 frame]\x1b[39m\n"),
     "AssertionError: raised in your code; its message is not shown in feedback"),
    (_err("AssertionError", "failed on: mine", _frame(3), _frame(2, "f"), "ValueError: mine", _CHAIN,
          "AssertionError    Traceback (most recent call last)", _frame(3)),
     "AssertionError: a check failed after your code raised an error (f); its message is not shown in feedback"),
    (_err("NotImplementedError", "stub", _frame(3), _frame(2, "f")),
     "NotImplementedError: raised in your code (f) - not answered yet?; its message is not shown in feedback"),
    (_err("Weird name\nwith lines", "x", _frame(3)), "Exception: x"),
    (_err("AssertionError", "got assert f(12345) == 'secret', 'hidden'", _frame(3)),
     "AssertionError: a check failed; its message is not shown in feedback because it quotes hidden test code"),
    (_err("AssertionError", "x" * 2000, _frame(3)), "AssertionError: " + "x" * 500 + " [...]"),
    (nbformat.v4.new_output("error", ename="GradingGuardError", evalue="this cell replaced numpy.allclose; grading "
                            "runs checks with the original functions, so a cell that replaces them fails",
                            traceback=["GradingGuardError: ..."]),
     "GradingGuardError: this cell replaced numpy.allclose; grading runs checks with the original functions, "
     "so a cell that replaces them fails"),
    (nbformat.v4.new_output("error", ename="GradingGuardError", evalue="mine", traceback=["GradingGuardError: mine"]),
     "GradingGuardError: the test failed; its message is not shown in feedback"),
    (nbformat.v4.new_output("error", ename="CellTimeoutError", evalue="mine", traceback=[]),
     "CellTimeoutError: no reply from the kernel before the time limit: the cell was interrupted"),
])
def test_check_message_rules(output, expected):
    assert "{}: {}".format(*_RULES.check_message(output)) == expected


def test_learner_outputs_lose_only_what_quotes_hidden_code():
    html_leak = nbformat.v4.new_output("display_data", data={
        "text/html": "<pre>assert <b>f(12345)</b> == &#x27;secret&#x27;, &#x27;hidden&#x27;</pre>", "text/plain": "x"})
    escaped = nbformat.v4.new_output("stream", name="stdout", text=repr("a\n" + _TEST_SOURCE) + "\n")
    mine = nbformat.v4.new_output("stream", name="stdout", text="assert f(1) == 2, 'visible check'\n")
    cell = _cell("answer", 2, outputs=[html_leak, escaped, mine])
    assert [o.get("text") for o in _RULES.learner_outputs(cell)] == [OUTPUT_HIDDEN_NOTE] * 2 + [mine.text]


def test_the_feedback_preprocessor_takes_nbconvert_s_config_without_a_warning(caplog):
    """Every `nbgrader generate_feedback` printed "Config option
    `display_data_priority` not recognized by `HideHiddenTests`": nbconvert
    configures that option of every preprocessor (NbConvertBase), and
    nbgrader's base class declares it without the config tag."""
    from traitlets.config import Config
    from coursetools.preprocessors import HideHiddenTests

    config = Config()
    config.NbConvertBase.display_data_priority = ["text/html", "text/plain"]
    with caplog.at_level("WARNING"):
        assert HideHiddenTests(config=config).display_data_priority == ["text/html", "text/plain"]
    assert not [r for r in caplog.records if "not recognized" in r.getMessage()], caplog.text
