"""The course website for self-study: every lesson's exercises and its worked
solution, in course order, with search. Static HTML: open <out>/index.html.

    python -m coursetools.site [--out site]     (or: make site)

Built with Sphinx, MyST-NB and sphinx-book-theme, the engine of Jupyter
Book 1, because they build from pip packages alone: MyST's own site builder
(Jupyter Book 2) downloads its theme from the web at build time, and the
course must build offline. MathJax comes from the jupyter-server-mathjax
package and is copied into the site, so formulas render with no network.

- Exercise pages are the release notebooks as learners get them:
  instructions, collapsed hints, visible tests, no outputs. They are
  generated from source/ for the site (the committed release/, which a
  test keeps equal to it), so a learner's answers in release/ never
  reach the pages or their downloads.
- Worked-solution pages are coursetools.solutions' notebooks: executed, with
  plots, model answers and rubrics; nbgrader has removed the hidden tests.
Both keep their notebook (download button; the index has none) but hide
nbgrader's header cells (the learner's name), which belong to a notebook
being handed in.
"""
import argparse
import ast
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from . import HEADER, ROOT, assignments, course_notebooks, grading, notebooks as nbs, outputs, solutions

TITLE = "The ML coding interview: self-study"
KINDS = (("exercises", "Exercise"), ("solutions", "Worked solution"))

CONF = '''\
project = {title!r}
html_title = {title!r}
extensions = ["myst_nb"]
exclude_patterns = ["_build"]
nb_execution_mode = "off"  # solutions are executed by nbgrader; exercises have no outputs
myst_enable_extensions = ["dollarmath", "amsmath"]
html_theme = "sphinx_book_theme"
# No previous/next buttons: pages alternate exercise, worked solution, and
# "next" on an exercise opened its solution before the learner's attempt.
# One search entry point: with navbar_persistent unset, pydata-sphinx-theme 0.20
# adds a header bar with a second search field above the sidebar's (a narrow
# window, where the sidebar folds away, keeps the page header's search button).
html_theme_options = {{"use_download_button": True, "home_page_in_toc": True, "footer_content_items": [],
                      "show_navbar_depth": 1, "search_bar_text": "Search the course...",
                      "show_prev_next": False, "navbar_persistent": []}}
html_static_path = ["_static"]
html_css_files = ["course.css"]
# MathJax 2 from the site itself (no CDN), typesetting only Sphinx's math.
myst_update_mathjax = False
mathjax_path = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full"
mathjax2_config = {{"tex2jax": {{"inlineMath": [["\\\\(", "\\\\)"]], "displayMath": [["\\\\[", "\\\\]"]],
                                "ignoreClass": ".*", "processClass": "math"}},
                   "HTML-CSS": {{"availableFonts": [], "webFont": "STIX-Web", "imageFont": None}},
                   "fast-preview": {{"disabled": True}}, "CHTML-preview": {{"disabled": True}},
                   "messageStyle": "none"}}
html_context = {{"default_mode": "light"}}
# Search results without page summaries: fetching them fails on file://, and
# the site is meant to be opened from the disk.
html_show_search_summary = False


def _no_download_on_index(app, pagename, templatename, context, doctree):
    """The index is no notebook: its download button offered index.md. Notebook
    pages keep theirs (.ipynb)."""
    if pagename == "index":
        context["header_buttons"] = [b for b in context["header_buttons"] if b.get("label") != "download-buttons"]


def setup(app):
    # after sphinx-book-theme has added its header buttons (priority 501)
    app.connect("html-page-context", _no_download_on_index, priority=600)
'''

# The theme lays math out for MathJax 3 (flex boxes that hide what overflows);
# the site's MathJax 2 needs a wide formula to scroll, not to be cut off, and
# inline math to sit on the line of text (MathJax's own spans inside are of
# class math too, and a box that hides its overflow sits on its bottom edge,
# not on the baseline). The MathML that MathJax keeps off
# screen for screen readers would ask for TeX fonts (double-struck, script)
# that the site's MathJax copy does not hold: it keeps the page's font.
CSS = """\
div.math { display: block; overflow-x: auto; overflow-y: hidden; }
span.math { display: inline; overflow: visible; max-width: none; }
.MJX_Assistive_MathML, .MJX_Assistive_MathML * { font-family: inherit !important; }
"""

INDEX = '''\
# {title}

Each lesson of the course comes twice: the **exercise**, as you get it to
work on in JupyterLab, and its **worked solution**, to read after your own
attempt.

**Setup, once.** Clone the course repository and run `make venv` in it: it
makes `.venv/` with the course's pinned packages (JupyterLab, nbgrader,
scikit-learn, PyTorch). The course needs no GPU: on Linux, PyPI's PyTorch
brings CUDA libraries of several GB, and the README says how to install
its CPU build first. Then `.venv/bin/jupyter lab release/` opens the
exercises.

1. Work on the exercise in JupyterLab (`release/<assignment>/` of the
   course repository, or the download button of the exercise page; opened
   from the disk, that button shows the notebook's text: right-click it and
   save the link instead). Each step tells you what to write, and the test
   cell below it names the mistake it suspects (on these pages the test
   cells are folded: *Show code cell source*). An answer not written yet
   raises `NotImplementedError`, so *Restart Kernel and Run All Cells*
   stops at the first one: that is expected. When graded, a cell is stopped
   after 60 seconds.
2. Stuck? Open the hints above the answer cell one at a time: the first is a
   nudge, the last the key idea. None of them holds the solution code.
3. Grade yourself with the hidden tests: `make selfgrade A=<assignment>`
   grades your notebooks in `release/<assignment>/`; for notebooks you
   downloaded, put them in one folder under their own file names (all five
   of `04_patterns` together) and add `FROM=<that folder>`.
4. Then read the worked solution: reference code, outputs and plots, the
   visible tests, and a model answer to each written question, with the
   rubric it is graded by. The hidden tests are not shown.
{toctrees}
'''


def ordered_notebooks(assignment, root=ROOT):
    """Stems of the notebooks of one assignment, in course order (course_notebooks)."""
    return [p.stem for p in course_notebooks(assignment, root)]


def pages(root=ROOT):
    """(kind, assignment, stem, label) of every notebook page, in navigation order."""
    return [(kind, assignment, stem, f"{label}: {stem}")
            for assignment in assignments(root) for stem in ordered_notebooks(assignment, root)
            for kind, label in KINDS]


def page_title(kind, nb):
    """The title a page of this kind shows: exercise and solution apart at a glance."""
    return f"{dict(KINDS)[kind]}: {nbs.title_of(nb)}"


# Alt text of a plot whose cell sets no title as a plain string.
PLOT_ALT = "Plot drawn by the code above"


def plot_alt(source):
    """Alt text for the plot of a code cell: the titles the code gives it
    (set_title, title, suptitle, set(title=...)) when they are plain strings."""
    try:
        calls = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
    except SyntaxError:
        return PLOT_ALT
    titles = []
    for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
        args = call.args[:1] if call.func.attr in ("set_title", "title", "suptitle") else []
        args += [k.value for k in call.keywords if call.func.attr == "set" and k.arg == "title"]
        titles += [" ".join(a.value.split()) for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return f"Plot: {'; '.join(titles)}" if titles else PLOT_ALT


def _tag(cell, tag):
    tags = cell.metadata.setdefault("tags", [])
    if tag not in tags:
        tags.append(tag)


def _as_page(nb, kind, header):
    """The notebook as a site page: header cells hidden (the index says
    what their instructions say), test cells folded (most of a page's code
    otherwise), plots with alt text, and the title says the kind (on a
    worked solution, with a note that the text is the exercise's)."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells[:nbs.header_length(nb, header)]:
        _tag(cell, "remove-cell")
    for cell in nb.cells:
        if cell.cell_type == "code" and nbs.is_test(cell):
            _tag(cell, "hide-input")
        # MyST-NB's alt text is otherwise the image's file path
        if cell.cell_type == "code" and any(k.startswith("image/") for o in cell.outputs for k in o.get("data", {})):
            cell.metadata.setdefault("mystnb", {}).setdefault("image", {}).setdefault("alt", plot_alt(cell.source))
    cell, i = nbs.title_line(nb)
    lines = cell.source.splitlines()
    lines[i] = f"# {page_title(kind, nb)}"
    if kind == "solutions":
        lines[i + 1:i + 1] = ["", solutions.SOLUTION_NOTE, ""]
    cell.source = "\n".join(lines)
    return nb


def _toctrees(root):
    blocks = []
    for assignment in assignments(root):
        entries = "\n".join(f"{label} <{kind}/{a}/{stem}>"
                            for kind, a, stem, label in pages(root) if a == assignment)
        blocks.append(f"\n```{{toctree}}\n:caption: {assignment}\n:maxdepth: 1\n\n{entries}\n```\n")
    return "".join(blocks)


def write_sources(src, solution_dir, release_dir, root=ROOT):
    """The Sphinx project: conf.py, index.md, one page per notebook, MathJax."""
    src = Path(src)
    header = nbs.read(Path(root) / "source" / HEADER)
    for kind, assignment, stem, _label in pages(root):
        origin = Path(release_dir if kind == "exercises" else solution_dir) / assignment
        target = src / kind / assignment / f"{stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(_as_page(nbs.read(origin / f"{stem}.ipynb"), kind, header), str(target))
    (src / "conf.py").write_text(CONF.format(title=TITLE))
    (src / "_static").mkdir(parents=True, exist_ok=True)
    (src / "_static" / "course.css").write_text(CSS)
    (src / "index.md").write_text(INDEX.format(title=TITLE, toctrees=_toctrees(root)))
    solutions.copy_mathjax(src / "_static" / "mathjax")
    return src


def build(out, root=ROOT):
    """Build the site into `out` (replaced); returns (out, Sphinx's warnings)."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="course-site-") as tmp:
        release_dir = Path(tmp) / "release"
        solution_dir = solutions.build(Path(tmp) / "solution", root=root, with_html=False, release_to=release_dir)
        src = write_sources(Path(tmp) / "src", solution_dir, release_dir, root)
        html = Path(tmp) / "html"
        proc = grading.run_python(["-m", "sphinx", "-b", "html", "-q", "-j", "auto",
                                   "-d", str(Path(tmp) / "doctrees"), str(src), str(html)])
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(html, out)
    return out, proc.stderr.strip()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "site"))
    args = parser.parse_args(argv)
    refused = outputs.refusal(args.out, ROOT / "site", "site")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    start = time.perf_counter()
    out, warnings = build(args.out)
    outputs.mark(out, ROOT / "site", "site")
    if warnings:
        print(warnings)
    print(f"course website ({time.perf_counter() - start:.0f} s): open {out / 'index.html'} in a browser")
    return 0


if __name__ == "__main__":
    sys.exit(main())
