"""Tests of the tests: reference full marks, untouched release zero, every
wrong variant loses points, every alternative correct solution keeps them."""
import ast
import textwrap
from collections import Counter

import pytest

from conftest import (ASSIGNMENTS, FULL_RUN, NOTEBOOKS, VARIANTS, autograded_notebook, first_wrong_variants,
                      read_source, visible_text)
from coursetools import ROOT, check, grading, notebooks as nbs, source_notebooks, submissions


def _code_grades(grades, student):
    assert grades.get(student) is not None, (
        f"nbgrader failed to grade {student}: see autograde-*.log in the grading folder")
    return [g for cells in grades[student].values() for g in cells if g["cell_type"] == "code"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_gets_full_marks(graded, assignment):
    grades, _ = graded[assignment]
    lost = [(g["grade_id"], g["score"], g["max_score"]) for g in _code_grades(grades, "reference")
            if g["score"] != g["max_score"]]
    assert not lost, f"the reference solution loses points on {lost}"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_reference_notebook_runs_without_error(graded, assignment, notebook):
    """Every cell of the source (solutions and hidden tests in place) runs."""
    _, workdir = graded[assignment]
    nb = nbs.read(autograded_notebook(workdir, "reference", assignment, notebook))
    errors = [(nbs.grade_id(c), o.get("ename"), o.get("evalue", "")[:200])
              for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, f"cells fail on the reference solution: {errors}"
    stderr = [nbs.grade_id(c) for c in nb.cells if nbs.is_test(c)
              for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, f"test cells write to stderr (nbgrader counts that as a failure): {stderr}"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_reference_plots_reach_the_autograded_notebook(graded, assignment, notebook):
    """Every figure the reference draws is in its autograded notebook as a
    PNG (and so on its feedback page), as a plain Jupyter kernel shows it:
    not only its text stand-in `<Figure size ...>`."""
    _, workdir = graded[assignment]
    nb = nbs.read(autograded_notebook(workdir, "reference", assignment, notebook))
    figures = [(nbs.grade_id(c) or i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code"
               for o in c.outputs if "<Figure size" in "".join(o.get("data", {}).get("text/plain", ""))]
    drawn = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "plt.show()" in c.source]
    assert len(figures) >= len(drawn) > 0, f"{len(drawn)} cells draw a figure, {len(figures)} figures came out"
    blank = [where for where, o in figures if "image/png" not in o.get("data", {})]
    assert not blank, f"figures without their PNG (only the text '<Figure size ...>'): cells {blank}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_scores_zero_on_every_test(graded, assignment):
    grades, _ = graded[assignment]
    scored = [(g["grade_id"], g["score"]) for g in _code_grades(grades, "untouched") if (g["score"] or 0) > 0]
    assert not scored, f"test cells that pass on the untouched release: {scored}"


def _assert_no_cell_gained(grades, notebook, kind, what):
    """Hostile learner `<stem>--<kind>` gains no test cell over learner
    `<stem>--wrong-values` (check.gained_cells), both having been graded."""
    stem = notebook.rsplit(".", 1)[0]
    for learner in (submissions.WRONG_VALUES, kind):
        _code_grades(grades, f"{stem}--{learner}")  # both were graded
    gained = check.gained_cells(grades, stem, kind)
    assert not gained, f"{what}: {gained}"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_answers_equal_to_anything_gain_nothing(graded, assignment, notebook):
    """Every graded answer returns wrong values; learner equal-to-anything's
    values also claim to equal anything (submissions.hostile_answers). Hidden
    tests convert what they compare, so that learner gains no test cell."""
    _assert_no_cell_gained(graded[assignment][0], notebook, submissions.EQUAL_TO_ANYTHING,
                           "test cells that an answer equal to anything passes (wrong values, with ==)")


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_peeking_answers_gain_nothing(graded, assignment, notebook):
    """Every graded answer searches the calling frames and the notebook's
    globals for the value its check compares against (submissions.PEEKING).
    Checks call the learner's code before they compute what they expect and
    keep their state out of the notebook's globals, so it finds nothing and
    gains no test cell over learner wrong-values."""
    _assert_no_cell_gained(graded[assignment][0], notebook, submissions.PEEKING,
                           "test cells whose expected values a peeking answer found while it ran")


@pytest.mark.parametrize("assignment,stem,variant", VARIANTS)
def test_variant_outcome(graded, assignment, stem, variant):
    grades, workdir = graded[assignment]
    sid = f"{stem}--{submissions.variant_student(variant)}"
    score = sum(g["score"] or 0 for g in _code_grades(grades, sid))
    max_score = sum(g["max_score"] for g in _code_grades(grades, sid))
    if variant.startswith("wrong__"):
        assert score < max_score, f"{variant}: a realistic mistake kept full marks ({score}/{max_score})"
    else:
        assert variant.startswith("ok__"), f"{variant}: variant names start with wrong__ or ok__"
        assert score == max_score, f"{variant}: a correct alternative solution lost points ({score}/{max_score})"
        # only its scores are read: the figures it showed were left undrawn (GradingExecute.scores_only)
        nb = nbs.read(autograded_notebook(workdir, sid, assignment, f"{stem}.ipynb"))
        shown = [kind for cell in nb.cells for kind in _figure_outputs(cell)]
        assert "image/png" not in shown, f"{variant}: its figures were drawn"


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_every_variant_applies_and_its_answers_compile(assignment, notebook):
    """Each variant file turns the reference into answer cells that are valid
    Python: EDITS that match no line, or leave the indentation broken, would
    make a learner who loses points for a SyntaxError, not for the mistake."""
    stem = notebook.rsplit(".", 1)[0]
    release = nbs.read(ROOT / "release" / assignment / notebook)
    ref = submissions.reference(release, read_source(assignment, notebook))
    broken = {}
    for path in submissions.variant_files(assignment, stem):
        try:
            nb = submissions.apply_variant(ref, path.read_text())
            for cell in nb.cells:
                if cell.cell_type == "code" and nbs.is_solution(cell):
                    compile(cell.source, f"{path.name}:{nbs.grade_id(cell)}", "exec")
        except (SyntaxError, ValueError) as err:
            broken[path.name] = f"{type(err).__name__}: {err}"
    assert not broken, f"variants that do not make a notebook of valid answers: {broken}"


def _first_loss(workdir, student, assignment, notebook, grades):
    """(grade id of the first test cell, in notebook order, that lost points
    or None; the scores of the test cells up to it; the autograded notebook)."""
    nb = nbs.read(autograded_notebook(workdir, student, assignment, notebook))
    scores = {g["grade_id"]: (g["score"], g["max_score"]) for g in _code_grades(grades, student)}
    before = {}
    for cell in nb.cells:
        if nbs.is_test(cell):
            score, most = before[nbs.grade_id(cell)] = scores[nbs.grade_id(cell)]
            if (score or 0) < most:
                return nbs.grade_id(cell), before, nb
    return None, before, nb


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_wrong_variants_stopped_at_the_first_loss_lose_the_same(graded, assignment, notebook):
    """The `graded` fixture runs a wrong variant only up to its first test
    cell that loses points (GradingExecute.stop_at_first_loss). The
    notebook's first wrong variant, also graded in full: it loses points
    first in the same cell, with the same scores up to there; in the stopped
    run every later test cell scores 0 and says it was not run."""
    grades, workdir = graded[assignment]
    stem = notebook.rsplit(".", 1)[0]
    sid = next(s for s in first_wrong_variants(grades) if s.startswith(f"{stem}--"))
    stopped_at, stopped_scores, stopped_nb = _first_loss(workdir, sid, assignment, notebook, grades)
    full_at, full_scores, full_nb = _first_loss(workdir, FULL_RUN + sid, assignment, notebook, grades)
    assert full_at is not None, f"{sid} graded in full kept full marks"
    assert (stopped_at, stopped_scores) == (full_at, full_scores), (
        f"{sid}: first loss {stopped_at} when stopped there, {full_at} in full")
    tests = [c for c in stopped_nb.cells if nbs.is_test(c)]
    after = tests[[nbs.grade_id(c) for c in tests].index(stopped_at) + 1:]
    later = {g["grade_id"]: g["score"] for g in _code_grades(grades, sid)
             if g["grade_id"] in {nbs.grade_id(c) for c in after}}
    assert all(not score for score in later.values()), f"{sid}: test cells after the first loss scored {later}"
    not_run = [nbs.grade_id(c) for c in after
               if [(o.get("ename"), "not run" in o.get("evalue", "")) for o in c.outputs] != [("NotRun", True)]]
    assert not not_run, f"{sid}: test cells after the first loss that do not say they were not run: {not_run}"
    # its figures were shown but not drawn (GradingKernel.draw_figures): in
    # every cell it ran, a text output for each PNG of the full run
    ran = [nbs.grade_id(c) for c in stopped_nb.cells].index(stopped_at)
    wrong = [i for i, (full, stopped) in enumerate(zip(full_nb.cells[:ran], stopped_nb.cells[:ran]))
             if _figure_outputs(stopped) != ["text/plain"] * len(_figure_outputs(full))]
    assert not wrong, f"{sid}: cells whose figures were drawn, or left no text, in the run stopped at the first loss: {wrong}"


def _figure_outputs(cell):
    """The kinds of output ('image/png', or 'text/plain' alone) of each figure the cell showed."""
    out = []
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data:
            out.append("image/png")
        elif str(data.get("text/plain", "")).startswith("<Figure size"):
            out.append("text/plain")
    return out


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_every_graded_name_has_a_wrong_variant(assignment, notebook):
    stem = notebook.rsplit(".", 1)[0]
    names = nbs.graded_names(read_source(assignment, notebook))
    covered = {v.stem.split("__")[1] for v in submissions.variant_files(assignment, stem)
               if v.stem.startswith("wrong__")}
    missing = [n for n in names if n not in covered]
    assert not missing, f"no wrong__<name>__*.py variant for {missing} in variants/{assignment}/{stem}/"


# A wrong variant that redefines a function or method of the reference shows
# its mistake among the reference's own lines: when COPIED_LINES or more of
# its lines, and COPIED_SHARE of them, are the reference's, it is a copy that
# hides the mistake, and the mistake belongs in EDITS (CONTRIBUTING.md).
COPIED_LINES, COPIED_SHARE = 6, 0.75


def _code_lines(node):
    """The statements of a function as ast.unparse writes them, one logical
    line each, without its docstring."""
    body = node.body[1:] if ast.get_docstring(node, clean=False) is not None else node.body
    return [line.strip() for stmt in body for line in ast.unparse(stmt).splitlines()]


def _answer_definitions(nb):
    """Every class of the answer cells (name -> names it defines) and every
    function and method ("f", "Class.method" -> its node)."""
    classes, functions = {}, {}
    for cell in nb.cells:
        if cell.cell_type == "code" and nbs.is_solution(cell):
            for node in ast.parse(nbs.without_delimiters(cell.source)).body:
                if isinstance(node, ast.ClassDef):
                    classes[node.name] = {name for item in node.body for name in nbs.defined_names(ast.unparse(item))}
                    functions.update({f"{node.name}.{item.name}": item for item in node.body
                                      if isinstance(item, ast.FunctionDef)})
                elif isinstance(node, ast.FunctionDef):
                    functions[node.name] = node
    return classes, functions


def copied_from_reference(variant_code, classes, functions):
    """What a wrong variant copies instead of showing its mistake: a whole
    class, or a function or method made mostly of the reference's lines."""
    copies = []
    for node in ast.parse(variant_code).body:
        mine = []
        if isinstance(node, ast.ClassDef) and node.name in classes:
            overridden = {name for item in node.body for name in nbs.defined_names(ast.unparse(item))}
            if not submissions.overrides_reference(node) or overridden >= classes[node.name]:
                copies.append(f"the whole class {node.name} (write `class {node.name}({node.name}):`)")
            mine = [(f"{node.name}.{item.name}", item) for item in node.body if isinstance(item, ast.FunctionDef)]
        elif isinstance(node, ast.FunctionDef):
            mine = [(node.name, node)]
        for name, item in mine:
            if name in functions:
                lines = _code_lines(item)
                same = sum((Counter(lines) & Counter(_code_lines(functions[name]))).values())
                if same >= COPIED_LINES and same >= COPIED_SHARE * len(lines):
                    copies.append(f"{same} of the {len(lines)} lines of {name}")
    return copies


def test_a_variant_copying_the_reference_is_told_apart_from_one_showing_its_mistake():
    classes, functions = _answer_definitions(read_source("04_patterns", "feature_pipeline.ipynb"))
    fit = ast.unparse(functions["FeaturePipeline.fit"]).replace("np.median(", "np.mean(")
    copy = f"class FeaturePipeline(FeaturePipeline):\n{textwrap.indent(fit, '    ')}\n"
    assert copied_from_reference(copy, classes, functions) == ["26 of the 27 lines of FeaturePipeline.fit"]
    whole = "class FeaturePipeline:\n    pass\n"
    assert copied_from_reference(whole, classes, functions)[0].startswith("the whole class FeaturePipeline")
    own = "class FeaturePipeline(FeaturePipeline):\n    def fit(self, df):\n        return self\n"
    assert copied_from_reference(own, classes, functions) == []


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_wrong_variants_show_their_mistake_not_a_copy(assignment, notebook):
    """A wrong variant shows its one mistake: a class variant subclasses the
    reference (`class Net(Net):`) and overrides the wrong method; a mistake
    inside a long function or method is written as EDITS of the reference's
    lines, not as a copy of it (CONTRIBUTING.md)."""
    stem = notebook.rsplit(".", 1)[0]
    classes, functions = _answer_definitions(read_source(assignment, notebook))
    copies = {path.name: copied_from_reference(path.read_text(), classes, functions)
              for path in submissions.variant_files(assignment, stem) if path.stem.startswith("wrong__")}
    copies = {name: found for name, found in copies.items() if found}
    assert not copies, f"wrong variants that copy the reference instead of showing their mistake: {copies}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_hides_every_hidden_test_line(graded, assignment):
    """Feedback of the reference (hidden tests pass) and of the untouched
    release (every hidden test fails) holds no hidden-test line of source/."""
    _, workdir = graded[assignment]
    first = source_notebooks(assignment)[0].name
    pages = []
    for student in ("reference", "untouched"):
        copy = autograded_notebook(workdir, student, assignment, first).parents[3]
        grading.nbgrader(["generate_feedback", assignment, "--force", "--student", student], copy)
        pages += list((copy / "feedback" / student).rglob("*.html"))
    assert pages, "no feedback was generated"
    for src in source_notebooks(assignment):
        # each notebook's hidden lines against its own feedback pages (another
        # notebook of the assignment may show the same line in a visible test)
        text = visible_text("\n".join(p.read_text(errors="replace") for p in pages if p.stem == src.stem))
        assert "hidden tests ran here" in text, f"{src.name}: feedback should say where hidden tests ran"
        nb = read_source(assignment, src.name)
        leaked = [line for line in nbs.distinctive(nbs.hidden_test_lines(nb), nbs.public_lines(nb)) if line in text]
        assert not leaked, f"hidden test lines in the feedback of {src.name}: {leaked[:3]}"
