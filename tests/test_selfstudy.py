"""Self-study: published worked solutions hide the hidden tests, and the
self-grade command grades a learner's own notebooks with them."""
import os
import re
import signal
import subprocess
import sys

import nbformat
import pytest

from conftest import ASSIGNMENTS, NOTEBOOKS, SEVERAL, as_at_a_terminal, read_source, visible_text, wait_for
from coursetools import (ROOT, course_notebooks, notebooks as nbs, outputs, selfgrade, site, solutions,
                         source_notebooks, submissions)

QUICK = "02_metrics" if "02_metrics" in ASSIGNMENTS else ASSIGNMENTS[0]


@pytest.fixture(scope="module")
def published(newcomer_solutions):
    """The worked solutions as `make solutions` publishes them (built once
    per session in the newcomer's clone, shared with tests/test_readme.py)."""
    proc, out = newcomer_solutions
    assert proc.returncode == 0, proc.stdout[-3000:]
    return out


@pytest.mark.parametrize("assignment,notebook", NOTEBOOKS)
def test_solutions_are_executed_and_hide_hidden_tests(published, assignment, notebook):
    path = published / assignment / notebook
    nb = nbs.read(path)
    raw = path.read_text()
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in raw, f"{marker} in the published solution"
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {})
               for c in nb.cells for o in c.get("outputs", [])), "the solution should show its plots"
    rubrics = [c.source for c in read_source(assignment, notebook).cells
               if c.get("metadata", {}).get("course", {}).get("role") == "rubric"]
    assert all(r in raw or r in [c.source for c in nb.cells] for r in rubrics), \
        "the worked solution shows the rubric of every written question"
    errors = [nbs.grade_id(c) for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"cells fail in the worked solution: {errors}"
    page = visible_text((published / "html" / assignment / notebook.replace(".ipynb", ".html")).read_text())
    src = read_source(assignment, notebook)
    hidden = nbs.distinctive(nbs.hidden_test_lines(src), nbs.public_lines(src))
    leaked = [line for line in hidden if line in raw or line in page]
    assert not leaked, f"hidden test lines in the published solution: {leaked[:3]}"


def test_solution_index_links_every_notebook(published):
    index = (published / "html" / "index.html").read_text()
    for assignment, notebook in NOTEBOOKS:
        assert f"{assignment}/{notebook.replace('.ipynb', '.html')}" in index


def test_solution_pages_load_mathjax_from_their_own_folder(published):
    """The static pages are for any browser, offline too: their formulas
    are typeset by the MathJax copied beside them (nbconvert's default is a
    CDN, and offline they showed raw TeX)."""
    for assignment, notebook in NOTEBOOKS:
        page = published / "html" / assignment / notebook.replace(".ipynb", ".html")
        sources = re.findall(r'<script[^>]*src="([^"]*MathJax[^"]*)"', page.read_text())
        assert sources, f"{page.name} loads no MathJax"
        for src in sources:
            assert "://" not in src, f"{page.name} loads MathJax from {src}"
            assert (page.parent / src.split("?")[0]).resolve().is_file(), f"{page.name}: {src} is not there"
        assert solutions.MATHJAX_FONTS in page.read_text(), f"{page.name}: MathJax asks for fonts its copy lacks"


def test_selfgrade_untouched_release_scores_zero_with_messages(generated, tmp_path):
    lines, score, max_score, status = selfgrade.selfgrade(QUICK, generated / "release" / QUICK, tmp_path / "fb")
    assert status["status"] == "graded" and score == 0 and max_score > 0
    test_lines = [l for l in lines if l.strip().startswith(("ok", "FAIL"))]
    assert test_lines and all(l.strip().startswith("FAIL") for l in test_lines)
    unexplained = [l for l in test_lines if not re.search(r"\d+/\d+\s+\w+(Error|Exception): \S", l)]
    assert not unexplained, f"each failing question says why: {unexplained}"
    assert any("NotImplementedError" in l for l in test_lines), "unanswered parts are named as such"
    # top to bottom, as the learner works through the notebook (not by name)
    listed = [l.split()[1] if l.strip().startswith(("ok", "FAIL")) else l.split()[0]
              for l in lines if l.startswith("  ")]
    in_notebook = [nbs.grade_id(c) for src in source_notebooks(QUICK) for c in read_source(QUICK, src.name).cells
                   if nbs.meta(c).get("grade")]
    assert listed == in_notebook, listed
    pages = list((tmp_path / "fb").glob("*.html"))
    assert pages, "an HTML feedback page is written"
    for page in pages:  # its formulas typeset offline too, by the MathJax beside it
        sources = re.findall(r'<script[^>]*src="([^"]*MathJax[^"]*)"', page.read_text())
        assert sources and all("://" not in s and (page.parent / s.split("?")[0]).is_file() for s in sources), sources
        assert solutions.MATHJAX_FONTS in page.read_text(), f"{page.name}: MathJax asks for fonts its copy lacks"


def test_selfgrade_names_the_assignments_when_given_none_or_a_wrong_one(capsys):
    """`make selfgrade A=metrics` (or no A) says which assignments there are,
    instead of nbgrader's traceback (or argparse's word for it)."""
    for argv in (["metrics"], []):
        assert selfgrade.main(argv) == 2
        err = capsys.readouterr().err
        assert ", ".join(ASSIGNMENTS[:2]) in err and "A=" in err and "Traceback" not in err, err


def test_selfgrade_of_the_folder_above_the_notebooks_names_the_right_one(tmp_path, capsys):
    """`make selfgrade A=01_baseline FROM=release` (one folder too high)
    says where the notebooks are, instead of "notebook missing"."""
    inner = tmp_path / "mine" / ASSIGNMENTS[0]
    inner.mkdir(parents=True)
    for src in source_notebooks(ASSIGNMENTS[0]):
        (inner / src.name).write_text("{}")
    assert selfgrade.main([ASSIGNMENTS[0], "--from", str(tmp_path / "mine")]) == 2
    err = capsys.readouterr().err
    assert f"its folder {ASSIGNMENTS[0]}/ has them: give that folder (make selfgrade A={ASSIGNMENTS[0]} FROM={inner})" in err, err


def test_an_out_folder_holding_other_files_is_refused_untouched(tmp_path, capsys):
    """selfgrade, solutions and site delete their --out folder and write it
    again whole: `--out` the learner's own notebook folder (or any folder
    they did not write) deleted its files. Each refuses it now, before any
    work, and changes nothing; an empty folder, or one the same command
    wrote before (marked), is replaced as before."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "baseline.ipynb").write_text("{}")
    (mine / "notes.md").write_text("ask about PR-AUC")
    before = {p: p.read_bytes() for p in mine.iterdir()}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for main, argv in ((selfgrade.main, [ASSIGNMENTS[0], "--from", str(elsewhere), "--out", str(mine)]),
                       (solutions.main, ["--out", str(mine)]), (site.main, ["--out", str(mine)])):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "holds files it did not write (baseline.ipynb, notes.md)" in err and "Nothing was changed" in err, err
        assert {p: p.read_bytes() for p in mine.iterdir()} == before, f"{main.__module__} changed {mine}"
    assert selfgrade.main([ASSIGNMENTS[0], "--from", str(elsewhere), "--out", str(mine / "notes.md")]) == 2
    assert "is a file" in capsys.readouterr().err
    empty, marked = tmp_path / "empty", tmp_path / "marked"
    empty.mkdir()
    marked.mkdir()
    (marked / "page.html").write_text("an earlier page")
    outputs.mark(marked, tmp_path / "default", "selfgrade")
    assert outputs.refusal(empty, tmp_path / "default", "selfgrade") is None
    assert outputs.refusal(marked, tmp_path / "default", "selfgrade") is None
    assert outputs.refusal(marked, tmp_path / "default", "solutions"), "another command's folder"
    assert outputs.refusal(mine, mine, "selfgrade") is None, "a command's own default folder is its to replace"
    (tmp_path / "link").symlink_to(empty)
    assert "symbolic link" in outputs.refusal(tmp_path / "link", tmp_path / "default", "site")
    # a folder selfgrade may replace (its default, or marked by it) that holds the notebooks it grades
    (marked / "baseline.ipynb").write_text("{}")
    assert selfgrade.main([ASSIGNMENTS[0], "--from", str(marked), "--out", str(marked)]) == 2
    assert "holds your notebooks" in capsys.readouterr().err
    assert (marked / "baseline.ipynb").read_text() == "{}"


def test_selfgrade_reference_gets_full_marks(generated, tmp_path, monkeypatch):
    # an instructor's shell, whose class gradebook is on PostgreSQL: selfgrade
    # grades "me" in its own throw-away gradebook, never in the class's (an
    # SQLite file here, which any command reaching it would create)
    class_db = tmp_path / "class.db"
    monkeypatch.setenv("COURSE_DB_URL", f"sqlite:///{class_db}")
    mine = tmp_path / "mine"
    mine.mkdir()
    for src in source_notebooks(QUICK):
        ref = submissions.reference(nbs.read(generated / "release" / QUICK / src.name), read_source(QUICK, src.name))
        nbformat.write(ref, str(mine / src.name))
    lines, score, max_score, status = selfgrade.selfgrade(QUICK, mine, tmp_path / "fb")
    assert status["status"] == "graded" and score == max_score > 0, "\n".join(lines)
    assert not class_db.exists(), "selfgrade wrote into the class's gradebook (COURSE_DB_URL)"
    # the page's own score counts the written answers, which nobody grades here, as 0: it says so at the top
    pages = list((tmp_path / "fb").glob("*.html"))
    assert len(pages) == len(source_notebooks(QUICK)) == 1, "one notebook: its page's autograded points are the total"
    for page in pages:
        text = visible_text(page.read_text())
        assert f"Self-grading: autograded {score:g}/{max_score:g}" in text, text[:2000]
        assert "are not graded here" in text, text[:2000]


@pytest.mark.skipif(SEVERAL is None, reason="no assignment of several notebooks in this run")
def test_selfgrade_of_one_notebook_of_several_grades_it_and_names_the_others(generated, tmp_path):
    """A learner who downloaded one exercise of 04 and grades just that one:
    its points, and each other notebook named as not in the folder (this
    used to end in a FileNotFoundError traceback), in course order."""
    first = source_notebooks(SEVERAL)[0]
    mine = tmp_path / "mine"
    mine.mkdir()
    nbformat.write(submissions.reference(nbs.read(generated / "release" / SEVERAL / first.name),
                                         read_source(SEVERAL, first.name)), str(mine / first.name))
    lines, score, max_score, status = selfgrade.selfgrade(SEVERAL, mine, tmp_path / "fb")
    text = "\n".join(lines)
    assert status["status"] == "graded" and "notebook missing" in status["reason"], status
    assert 0 < score < max_score, text
    others = [src.name for src in source_notebooks(SEVERAL)[1:]]
    assert all(f"{SEVERAL}/{name}: not in your folder, 0/" in text for name in others), text
    # in course order, as the README's table and the website list them (not by name)
    where = [text.index(f"{SEVERAL}/{p.name}") for p in course_notebooks(SEVERAL)]
    assert where == sorted(where), text
    assert list((tmp_path / "fb").glob(first.name.replace(".ipynb", ".html"))), "the graded notebook's page"


def test_selfgrade_stopped_with_ctrl_c_says_so_and_leaves_nothing(generated, tmp_path, tmp_path_factory):
    """Ctrl-C while the learner's notebook runs: one message instead of a
    traceback, the shell's status for it, the learner's notebooks untouched
    and no throw-away copy left behind."""
    mine = generated / "release" / QUICK
    before = {p.name: p.read_bytes() for p in mine.iterdir() if p.is_file()}
    tmp = tmp_path_factory.mktemp("t")  # short: Unix sockets go there
    proc = subprocess.Popen([sys.executable, "-m", "coursetools.selfgrade", QUICK, "--from", str(mine),
                             "--out", str(tmp_path / "feedback")], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp)),
                            preexec_fn=as_at_a_terminal)
    try:
        # nbgrader writes the sanitized notebook into autograded/ before it runs it
        wait_for("the notebook's run under selfgrade",
                 lambda: list(tmp.glob(f"course-selfgrade-*/course/autograded/*/{QUICK}/*.ipynb")),
                 alive=lambda: proc.poll() is None)
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == 130, f"exit status {proc.returncode}:\n{err[-2000:]}"
    assert "make selfgrade: interrupted by Ctrl-C." in err and "Traceback" not in err, err[-3000:]
    assert {p.name: p.read_bytes() for p in mine.iterdir() if p.is_file()} == before
    assert not list(tmp.glob("course-selfgrade-*")), "the throw-away copy was left behind"
