"""The course as learners use it: JupyterLab in a real browser.

Starts JupyterLab (the course's pinned packages) on loopback in a throw-away
copy of the course, drives Debian's Chromium with Playwright (no browser
download), and:
- opens a release notebook, runs all cells, saves, and checks that every
  code cell ran and that the only errors are the learner's unanswered parts
  (NotImplementedError);
- presses nbgrader's Validate button and reads its verdict;
- opens a worked-solution notebook and checks that every one of its plots
  is drawn.
Screenshots go to $COURSE_SCREENSHOTS (default: a pytest temporary folder).
Skipped, with the reason, when Chromium or Playwright is missing;
.ci/run installs Chromium so that CI runs it.
"""
import json
import shutil
import time
import urllib.request

import pytest

from browser import browser, jupyterlab, needs_chromium, screenshots  # noqa: F401 (browser: a fixture)
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # (browser skips the module without it)
from conftest import ROOT
from coursetools import notebooks as nbs

ASSIGNMENT, NOTEBOOK = "01_baseline", "baseline.ipynb"
CELLS = ".jp-Notebook .jp-Cell"  # a notebook's cells in JupyterLab's page

pytestmark = [needs_chromium]


@pytest.fixture(scope="module")
def lab(tmp_path_factory, newcomer_solutions):
    """(base url, token, course folder, screenshot folder) of a running JupyterLab."""
    course = tmp_path_factory.mktemp("lab") / "course"
    course.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "coursetools", course / "coursetools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "release", course / "release")
    # the worked solution as `make solutions` publishes it (built once per session)
    proc, published = newcomer_solutions
    assert proc.returncode == 0, proc.stdout[-3000:]
    shutil.copytree(published / ASSIGNMENT, course / "solution" / ASSIGNMENT)
    shots = screenshots(tmp_path_factory)
    with jupyterlab(course) as (base, token):
        yield base, token, course, shots


def _kernels(base, token):
    return json.load(urllib.request.urlopen(f"{base}/api/kernels?token={token}", timeout=10))


def _wait_idle(page, base, token, seconds=300, quiet=2.0, poll=0.5):
    """Wait until every kernel is idle and no cell shows the busy prompt [*]
    for `quiet` seconds, looking every `poll` seconds."""
    deadline = time.time() + seconds
    quiet_since = None
    while time.time() < deadline:
        busy = page.locator('.jp-InputArea-prompt:has-text("[*]")').count()
        try:
            kernels = _kernels(base, token)
        except OSError:  # a server slow to answer on a loaded machine: ask again
            kernels = None
        if kernels and all(k["execution_state"] == "idle" for k in kernels) and not busy:
            quiet_since = quiet_since or time.time()
            if time.time() - quiet_since > quiet:
                return
        else:
            quiet_since = None
        time.sleep(poll)
    pytest.fail("the notebook did not finish running in time")


def _open(page, base, token, course, path):
    """Open the notebook `path` of `course` and wait until JupyterLab shows all
    of its cells and its kernel is idle. JupyterLab attaches a notebook's
    cells a few at a time, over seconds on a busy machine: a test that
    counted them too early would step through part of the notebook."""
    total = len(nbs.read(course / path).cells)
    # `reset`: a fresh workspace, or JupyterLab would also reopen the notebook
    # an earlier test left open, and count its cells too
    page.goto(f"{base}/lab/tree/{path}?token={token}&reset")
    page.wait_for_function(f"n => document.querySelectorAll('{CELLS}').length === n", arg=total, timeout=120_000)
    _wait_idle(page, base, token)
    return total


# the cell at an index shows an execution count in its prompt, e.g. [12]:
_HAS_RUN = (f"i => {{ const p = document.querySelectorAll('{CELLS}')[i].querySelector('.jp-InputArea-prompt');"
            " return p !== null && /^\\[\\d+\\]/.test(p.innerText.trim()); }")


def _cell_index(page, css_class):
    """Index of the open notebook's first cell with `css_class` (-1: none)."""
    return page.evaluate(
        f"cls => [...document.querySelectorAll('{CELLS}')].findIndex(c => c.classList.contains(cls))", css_class)


def test_release_runs_with_only_the_learners_parts_failing(lab, browser):
    base, token, course, shots = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    total = _open(page, base, token, course, f"release/{ASSIGNMENT}/{NOTEBOOK}")
    # As a learner steps through: Shift+Enter on every cell, top to bottom.
    # (Run All stops at the first unanswered part; stepping runs every cell.)
    is_code = page.evaluate(f"() => [...document.querySelectorAll('{CELLS}')].map(c => c.classList.contains('jp-CodeCell'))")
    first_code = is_code.index(True)
    page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-editor").first.click()
    page.keyboard.press("Escape")
    steps = total - first_code
    for step in range(steps):
        # Shift+Enter runs and moves on; on the last cell it would add a new
        # cell, so the last one is run in place with Ctrl+Enter.
        page.keyboard.press("Shift+Enter" if step < steps - 1 else "Control+Enter")
        # A code cell has run when its prompt shows its execution count
        # ([ ] before, [*] while it runs); a markdown cell renders at once.
        # (Waiting instead for the kernel to stay idle 0.3 s after every
        # step, this test took 56 s alone at 17:10 UTC on 2026-12-03, for
        # the 73 steps of 01; this way 20 s.)
        if is_code[first_code + step]:
            try:
                page.wait_for_function(_HAS_RUN, arg=first_code + step, timeout=300_000)
            except PlaywrightTimeout:
                pytest.fail(f"cell {first_code + step} never showed an execution count after its Shift+Enter")
    _wait_idle(page, base, token)
    active = _cell_index(page, "jp-mod-active")
    assert active == total - 1, f"stepping ended on cell {active}, not on the last of {total}"
    saved = course / "release" / ASSIGNMENT / NOTEBOOK
    before = saved.stat().st_mtime_ns
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 60
    while saved.stat().st_mtime_ns == before and time.monotonic() < deadline:  # saved when it changes
        time.sleep(0.05)
    assert saved.stat().st_mtime_ns != before, "Ctrl+S did not save the notebook within a minute"
    page.screenshot(path=str(shots / "release-run-all.png"))
    nb = nbs.read(course / "release" / ASSIGNMENT / NOTEBOOK)
    code = [c for c in nb.cells if c.cell_type == "code"]
    not_run = [nbs.grade_id(c) for c in code if c.execution_count is None]
    assert not not_run, f"cells that did not run in JupyterLab: {not_run}"
    errors = [(nbs.grade_id(c), o.get("ename")) for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors, "an unanswered notebook should fail its tests"
    other = [e for e in errors if e[1] != "NotImplementedError"]
    assert not other, f"cells fail for other reasons than an unanswered part: {other}"
    ran_clean = [nbs.grade_id(c) for c in code if not any(o.get("output_type") == "error" for o in c.outputs)]
    assert "imports" in ran_clean and "load_breast_cancer_binary" in ran_clean, "given and answer cells run"
    page.close()


def test_validate_button_reports_failing_tests(lab, browser):
    base, token, course, shots = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _open(page, base, token, course, f"release/{ASSIGNMENT}/{NOTEBOOK}")
    page.click('.jp-Toolbar >> text="Validate"')
    dialog = page.wait_for_selector(".jp-Dialog", timeout=300_000)
    page.wait_for_function(
        "() => !document.querySelector('.jp-Dialog').innerText.includes('Validating')", timeout=300_000)
    text = dialog.inner_text()
    page.screenshot(path=str(shots / "release-validate.png"))
    assert "NotImplementedError" in text or "failed" in text.lower(), f"validate dialog says: {text[:500]}"
    assert "Success! Your notebook passes all the tests" not in text
    page.close()


def test_solution_notebook_shows_its_plots(lab, browser):
    base, token, course, shots = lab
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    _open(page, base, token, course, f"solution/{ASSIGNMENT}/{NOTEBOOK}")
    page.locator(".jp-RenderedImage img").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(shots / "solution-plot.png"))
    box = page.locator(".jp-RenderedImage img").first.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100, "the plot is rendered with a real size"
    # Every plot of the solution notebook, by the end of its base64 PNG
    # (JupyterLab shows an output's PNG as a data: URL with the same text).
    nb = nbs.read(course / "solution" / ASSIGNMENT / NOTEBOOK)
    expected = {o.data["image/png"].strip()[-80:] for c in nb.cells if c.cell_type == "code"
                for o in c.outputs if "image/png" in o.get("data", {})}
    assert len(expected) >= 3, "the worked solution draws its PR/ROC and learning curves"
    # JupyterLab renders only the cells near the view, and on a busy machine
    # a cell's output can appear a while after it scrolls in: scroll through
    # in steps, and at the bottom wait for late cells (which can also grow
    # the page) before going round again, until every plot has been seen
    # drawn with a real size or two minutes have passed.
    scroller = "(document.querySelector('.jp-WindowedPanel-outer') || document.querySelector('.jp-Notebook'))"
    drawn, deadline = set(), time.time() + 120
    while not expected <= drawn and time.time() < deadline:
        page.wait_for_timeout(150)
        drawn.update(page.evaluate(
            "() => [...document.querySelectorAll('.jp-RenderedImage img')]"
            ".filter(i => i.complete && i.naturalWidth > 100 && i.getBoundingClientRect().width > 100)"
            ".map(i => i.src.trim().slice(-80))"))
        moved = page.evaluate(
            f"() => {{ const s = {scroller}; const before = s.scrollTop; s.scrollBy(0, 400); return s.scrollTop !== before; }}")
        if not moved:
            page.wait_for_timeout(1000)
            page.evaluate(f"() => {{ const s = {scroller}; if (s.scrollTop + s.clientHeight >= s.scrollHeight - 1) s.scrollTo(0, 0); }}")
    missing = len(expected - drawn)
    assert not missing, f"{missing} of the solution's {len(expected)} plots were never drawn (seen: {len(drawn & expected)})"
    page.close()
