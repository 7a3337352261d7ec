"""coursetools.exporters.PageExporter writes nbconvert's HTML pages.

Its page, read by BeautifulSoup, must be exactly the page nbconvert's
HTMLExporter writes: for worked solutions (nbconvert's lab template, with
plots, formulas and tables) and for learner feedback (nbgrader's template,
with a failed test's error), and for the corner cases of the two changes it
makes (alt text on images, tabindex on cell inputs and outputs), where
nbconvert's own BeautifulSoup pass is the oracle.
"""
import copy

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert.exporters import HTMLExporter, TemplateExporter
from traitlets.config import Config

from coursetools.exporters import ALT, PageExporter

# worked solutions with the most kinds of output: plots, tables, formulas
NOTEBOOKS = ("02_metrics/metrics.ipynb", "04_patterns/neural_network.ipynb")


def feedback_config():
    """nbconvert's configuration under `nbgrader generate_feedback`, as
    nbgrader's GenerateFeedback sets it up (its feedback template)."""
    from nbgrader.converters import GenerateFeedback
    from nbgrader.coursedir import CourseDirectory
    return GenerateFeedback(coursedir=CourseDirectory()).config


def as_feedback(nb):
    """`nb` as nbgrader's GetGrades hands it to the feedback template (scores
    and comments on the graded cells, the notebook's score in resources),
    with an error, as a failed test leaves it, in its last code cell."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("solution") or meta.get("task"):
            meta.update(score=0.0, points=meta.get("points", 0), comment="See the *hint* above.")
    cell = [c for c in nb.cells if c.cell_type == "code"][-1]
    cell.outputs.append(nbformat.v4.new_output(
        "error", ename="AssertionError", evalue="expected 0.5 <got 0.25>",
        traceback=["\x1b[0;31mAssertionError\x1b[0m: expected 0.5 <got 0.25>"]))
    return nb, {"nbgrader": {"notebook": "metrics", "score": 3.0, "max_score": 21.0, "late_penalty": 0}}


def read_as_soup(page):
    return str(BeautifulSoup(page, features="html.parser"))


@pytest.fixture(scope="module")
def solutions(newcomer_solutions):
    proc, folder = newcomer_solutions
    assert proc.returncode == 0, proc.stdout[-3000:]
    return {name: nbformat.read(str(folder / name), as_version=4) for name in NOTEBOOKS}


@pytest.mark.parametrize("template", ["lab", "feedback"])
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_page_is_nbconverts(solutions, name, template):
    nb, resources = (solutions[name], {}) if template == "lab" else as_feedback(solutions[name])
    config = Config() if template == "lab" else feedback_config()
    theirs, _ = HTMLExporter(config=config).from_notebook_node(nb, copy.deepcopy(resources))
    ours, _ = PageExporter(config=config).from_notebook_node(nb, copy.deepcopy(resources))
    assert read_as_soup(ours) == theirs
    # the two changes were made (the pages have images without alt text and,
    # in the lab template, cell inputs and outputs)
    assert ours.count(f'alt="{ALT}"') >= 2
    assert template == "feedback" or ours.count('tabindex="0"') > 20


SNIPPETS = {
    "images": '<body class="x jp-Notebook"><img src="a.png"><IMG SRC="b.png"/><img alt="" src="c.png">'
              '<img alt="a plot" src="d.png" /><img title="a > b" src="e.png"><img src="basalt.png"></body>',
    "divs": '<div class="jp-OutputArea-output">before the notebook</div>'
            '<main class="jp-Notebook"><div class="jp-Cell-inputWrapper">in</div>'
            '<div class="jp-RenderedImage jp-OutputArea-output extra" data-x=\'1 > 0\'>out</div>'
            '<div tabindex="-1" class="jp-OutputArea-output">refocused</div>'
            '<div class="jp-OutputArea-outputs">not an output</div><div>plain</div></main>',
    "escaped": '<body class="jp-Notebook"><pre>&lt;img src="x"&gt; &lt;div class="jp-OutputArea-output"&gt;</pre>'
               '<div class=jp-Cell-inputWrapper>unquoted</div></body>',
    "raw text": '<body class="jp-Notebook"><!-- <img src="g.png"> <div class="jp-OutputArea-output"> -->'
                '<script>let s = "<img src=h.png>";</script><style>div > img {}</style>'
                '<div-card class="jp-OutputArea-output">a custom element</div-card><img src="i.png"></body>',
    "no notebook": '<div class="jp-Cell-inputWrapper">classic template</div><img src="f.png">',
}


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_marks_up_as_nbconvert_does(snippet, monkeypatch):
    # nbconvert's own pass on a page of our making: its template is skipped
    monkeypatch.setattr(TemplateExporter, "from_notebook_node",
                        lambda self, nb, resources=None, **kw: (SNIPPETS[snippet], resources or {}))
    nb = nbformat.v4.new_notebook()
    theirs, _ = HTMLExporter().from_notebook_node(nb)
    ours, _ = PageExporter().from_notebook_node(nb)
    assert read_as_soup(ours) == theirs
