"""The instructor's manual grading: formgrader in JupyterLab, in a real browser.

A throw-away course goes through the demo pipeline for one assignment
(generate, the demo's reference-learner handed in, autograded); JupyterLab
is started in it, and Debian's Chromium, driven by Playwright, opens
Nbgrader -> Formgrader, grades one written answer by hand and saves. The
course's report must then count that answer as graded, not pending. The
same JupyterLab shows that a newcomer is not asked about Jupyter news (the
course's settings, installed by `make venv`), and `jupyter labextension
list` / `jupyter server extension list` that formgrader is enabled.
Screenshots go to $COURSE_SCREENSHOTS (default: a pytest temporary folder).
The browser tests are skipped, with the reason, when Chromium or Playwright
is missing, except under CI (tests/browser.py).
"""
import csv
import json
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from browser import browser, jupyterlab, lab_env, needs_chromium, screenshots  # noqa: F401 (browser: a fixture)
from conftest import read_source
from coursetools import demo, grading, notebooks as nbs, report, submissions

# The cheapest assignment to autograde that has written answers.
ASSIGNMENT, NOTEBOOK = "02_metrics", "metrics.ipynb"
LEARNER = "reference-learner"
SCORE = 1.5  # not a full mark (nor 0): it can come only from the instructor


def _written_answers():
    """grade_id -> points of the manually graded markdown cells of the notebook."""
    return {nbs.grade_id(c): c.metadata.nbgrader["points"] for c in read_source(ASSIGNMENT, NOTEBOOK).cells
            if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")}


def _row(course):
    rows = [r for r in report.rows(course, [ASSIGNMENT]) if r["student"] == LEARNER]
    assert len(rows) == 1, rows
    return rows[0]


def _grades(course):
    return {g["grade_id"]: g for g in grading.read_grades(course, ASSIGNMENT)[LEARNER][NOTEBOOK[:-len(".ipynb")]]}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A course copy after the demo's steps for one assignment and one learner."""
    course = grading.copy_course(tmp_path_factory.mktemp("formgrader") / "course", with_release=True)
    grading.generate(course, ASSIGNMENT)
    submissions.write_submission(course, LEARNER, ASSIGNMENT, demo.demo_class(course, ASSIGNMENT)[LEARNER])
    status = grading.autograde_class(course, ASSIGNMENT)
    assert status[LEARNER]["status"] == "graded", status
    return course


@pytest.fixture(scope="module")
def lab(course, tmp_path_factory):
    """(base url, token, screenshot folder) of JupyterLab started in the course."""
    with jupyterlab(course) as (base, token):
        yield base, token, screenshots(tmp_path_factory)


def _jupyter(course, *commands):
    """Outputs of `jupyter <command>` for each command, run side by side
    (each imports every extension: seconds), without colours."""
    procs = [subprocess.Popen([sys.executable, "-m", "jupyter", *args], cwd=course, env=lab_env(course),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for args in commands]
    outputs = [proc.communicate(timeout=300)[0] for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), outputs
    return [re.sub(r"\x1b\[[0-9;]*m", "", out) for out in outputs]


def test_formgrader_extensions_are_enabled(tmp_path):
    """As JupyterLab sees them when started as the lab fixture starts it."""
    labext, server = _jupyter(tmp_path, ["labextension", "list"], ["server", "extension", "list"])
    assert re.search(r"@jupyter/nbgrader v\S+ enabled OK", labext), labext
    disabled = labext.partition("Disabled extensions:")[2]
    assert "@jupyter/nbgrader" not in disabled, f"nbgrader's lab plugins are disabled: {disabled}"
    assert re.search(r"nbgrader\.server_extensions\.formgrader enabled", server), server
    assert re.search(r"nbgrader\.server_extensions\.formgrader\s+OK", server), server


@needs_chromium
def test_formgrader_grades_a_written_answer(course, lab, browser):
    base, token, shots = lab
    written = _written_answers()
    question = next(iter(written))
    before = _row(course)
    assert (before["manual_pending"], before["manual_score"]) == (len(written), 0), before

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/lab?token={token}")
    page.click('.lm-MenuBar-itemLabel:text-is("Nbgrader")', timeout=120_000)
    page.click('.lm-Menu-itemLabel:text-is("Formgrader")')
    fg = page.frame_locator("#formgrader-iframe iframe")
    fg.get_by_role("link", name="Manual Grading").click()
    fg.get_by_role("link", name=ASSIGNMENT, exact=True).click()
    fg.get_by_role("link", name=NOTEBOOK[:-len(".ipynb")], exact=True).click()
    fg.get_by_role("link", name="Submission #1").wait_for(timeout=60_000)  # the list has loaded
    fg.get_by_role("button", name="Show All Names").click()
    page.screenshot(path=str(shots / "formgrader-submissions.png"))
    fg.get_by_role("link", name=LEARNER, exact=True).click()
    score = fg.locator(f"input.score#{question}")
    score.scroll_into_view_if_needed(timeout=60_000)
    page.screenshot(path=str(shots / "formgrader-before.png"))
    # the instructor grades by the rubric shown with each written answer
    rubrics = fg.locator("details", has=fg.locator("summary", has_text="Rubric"))
    assert rubrics.count() == len(written), f"{rubrics.count()} rubrics on the grading page, {len(written)} answers"
    # Leaving the box saves the score. (Tab, not formgrader's Escape: the
    # grading page loads MathJax from a CDN, and without it, offline as
    # here, its keyboard shortcuts are never set up.)
    with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT",
                              timeout=60_000) as saved:
        score.fill(str(SCORE))
        score.press("Tab")
    assert saved.value.ok, f"saving the score failed: {saved.value.status} {saved.value.text()[:500]}"
    page.screenshot(path=str(shots / "formgrader-graded.png"))

    after = _row(course)
    assert after["manual_pending"] == before["manual_pending"] - 1, after
    # the course's report file, written again without grading (README, For instructors)
    assert report.main([], course=course) == 0
    with open(course / "reports" / "grades.csv", newline="") as f:
        in_file = next(r for r in csv.DictReader(f) if r["student"] == LEARNER)
    assert float(in_file["manual_score"]) == pytest.approx(SCORE), in_file
    assert int(in_file["manual_pending"]) == after["manual_pending"], in_file
    assert after["manual_score"] == pytest.approx(SCORE), after
    assert after["auto_score"] == before["auto_score"], "autograded points stay as they were"
    grades = _grades(course)
    assert grades[question]["score"] == pytest.approx(SCORE) and not grades[question]["needs_manual_grade"]
    assert all(grades[q]["needs_manual_grade"] for q in written if q != question), "only that answer was graded"

    # Formgrader's own list of submissions shows the written score too.
    fg.get_by_role("link", name=NOTEBOOK[:-len(".ipynb")], exact=True).click()
    row = fg.locator("tr", has=fg.get_by_role("link", name=re.compile("Submission #1")))
    written_max = sum(written.values())
    assert f"{SCORE:g} / {written_max:g}" in row.inner_text(timeout=60_000), row.inner_text()
    page.screenshot(path=str(shots / "formgrader-after.png"))
    page.close()


@needs_chromium
def test_jupyterlab_does_not_ask_about_jupyter_news(lab, browser):
    """The course's settings (jupyterlab-settings.json5, installed into the
    environment by `make venv`) answer JupyterLab's news question for a
    newcomer: the lab is started with an empty Jupyter config folder."""
    base, token, shots = lab
    url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    setting = json.load(urllib.request.urlopen(url, timeout=30))
    # The environment's overrides arrive as the schema's defaults; the user has none.
    default = setting["schema"]["properties"]["fetchNews"]["default"]
    assert default == "false" and "fetchNews" not in setting["settings"], (
        f"fetchNews defaults to {default!r}: `make venv` installs the course's JupyterLab settings "
        f"into {sys.prefix}/share/jupyter/lab/settings/overrides.d/")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/lab?token={token}")
    # The layout is restored (a tab in the main area, the formgrader's from
    # the test before or a launcher) and the status bar shows notifications.
    page.wait_for_selector("#jp-main-dock-panel .lm-TabBar-tab", timeout=120_000)
    count = page.locator(".jp-Notification-Status-Text")
    count.wait_for(timeout=60_000)
    # Without the setting the question pops up well under a second after
    # that; give it several.
    time.sleep(5)
    page.screenshot(path=str(shots / "lab-no-news-question.png"))
    assert page.get_by_text("official Jupyter news").count() == 0, "JupyterLab asks about Jupyter news"
    assert count.inner_text().strip() == "0", f"notifications: {count.inner_text()}"
    page.close()
