"""A learner's HTML cannot run in the instructor's browser (coursetools/defuse.py).

Formgrader and the feedback pages render autograded notebooks with
nbconvert's HTMLExporter. After DefuseLearnerHTML, a page made from a
notebook full of scripts, event handlers and `javascript:` links holds no
script but the template's own and no such attribute; the course's own
cells, pandas' tables and plots pass unchanged.
"""
import copy
import glob
from html.parser import HTMLParser

import nbformat
import pandas as pd
import pytest
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

from conftest import ROOT
from coursetools import defuse

# What a learner can put in a notebook for an instructor's browser to run.
HOSTILE_CELLS = [
    new_markdown_cell("My answer. <script>fetch('/formgrader/api/grade/1', {method: 'PUT'})</script>"),
    new_markdown_cell("<img src=x onerror=\"alert('img')\">"),
    new_markdown_cell("[the paper](javascript:alert('link')) and `a < b`"),
    new_markdown_cell("<a href='JaVaScRiPt:alert(1)'>x</a> <svg onload=alert('svg')></svg>"),
    new_markdown_cell("<iframe src=\"https://example.invalid\"></iframe>"),
    new_markdown_cell("<style>input.score { display: none }</style> restyles the grading page"),
    new_markdown_cell("[page](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    new_raw_cell("<script>alert('raw')</script>"),
    new_code_cell("show()", outputs=[
        new_output("display_data", data={"text/html": "<b onmouseover=alert('b')>hi</b><script>alert('html')</script>",
                                         "text/plain": "hi"}),
        new_output("display_data", data={"application/javascript": "alert('js')", "text/plain": "js"}),
        new_output("display_data", data={"image/svg+xml": "<svg onload=\"alert('svg out')\"></svg>"}),
        new_output("execute_result", execution_count=1,
                   data={"text/markdown": "<img src=x onerror=alert('md')>", "text/plain": "md"}),
    ]),
]


class _Active(HTMLParser):
    """Script elements and the attributes that run or load code."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.attributes = 0, []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or value.startswith(("javascript:", "data:text")) or tag in ("iframe", "svg"):
                self.attributes.append((tag, name, value[:40]))


def _active(nb):
    html, _ = HTMLExporter().from_notebook_node(nb)
    found = _Active()
    found.feed(html)
    return found


def _defused(cells):
    nb = new_notebook(cells=copy.deepcopy(cells))
    for cell in nb.cells:
        defuse.defuse_cell(cell)
    nbformat.validate(nb)
    return nb


def test_a_page_of_hostile_cells_runs_nothing_of_the_learners():
    template = _active(new_notebook(cells=[]))
    before = _active(new_notebook(cells=copy.deepcopy(HOSTILE_CELLS)))
    assert before.scripts > template.scripts and before.attributes, "the hostile cells should carry active content"
    after = _active(_defused(HOSTILE_CELLS))
    assert after.scripts == template.scripts, "a script of the learner's is still on the page"
    assert after.attributes == template.attributes, f"active attributes left: {after.attributes}"


def test_the_learners_text_is_still_there_to_grade():
    nb = _defused(HOSTILE_CELLS)
    answer = nb.cells[0]
    assert "My answer." in answer.source and "holds HTML" in answer.source and "```" in answer.source
    assert "holds HTML" in nb.cells[6].source, "a style sheet in a markdown cell is shown as text"
    assert nb.cells[7].cell_type == "markdown" and "alert('raw')" in nb.cells[7].source
    outputs = nb.cells[8].outputs
    assert outputs[0].data["text/plain"] == "hi" and "hi" in outputs[0].data["text/html"]
    assert "application/javascript" not in outputs[1].data and outputs[1].data["text/plain"] == "js"
    assert list(outputs[2].data) == ["text/plain"], "an output with nothing safe left says so in plain text"


@pytest.mark.parametrize("path", sorted(glob.glob(str(ROOT / "source" / "**" / "*.ipynb"), recursive=True)
                                        + glob.glob(str(ROOT / "release" / "*" / "*.ipynb"))))
def test_the_courses_own_cells_pass_unchanged(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        assert not defuse.defuse_cell(copy.deepcopy(cell)), f"cell {index} would be changed: {cell.source[:200]!r}"


def test_honest_markdown_tables_and_plots_pass_unchanged():
    table = pd.DataFrame({"recall": [0.9, 0.95]}, index=["baseline", "improved"])
    cells = [
        new_markdown_cell("`a < b`, $x<y$, p >= t, **bold**, <kbd>Ctrl</kbd>, [docs](https://scikit-learn.org), "
                          "[above](#section), <https://example.org>\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
        new_markdown_cell("<details><summary><b>Hint 1</b></summary>\n\ntext\n\n</details>"),
        new_code_cell("table", outputs=[
            new_output("execute_result", execution_count=1,
                       data={"text/html": table._repr_html_(), "text/plain": repr(table)}),
            new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})]),
    ]
    for cell in cells:
        assert not defuse.defuse_cell(copy.deepcopy(cell)), cell
