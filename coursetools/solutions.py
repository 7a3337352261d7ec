"""Worked solutions for self-study, safe to publish.

    python -m coursetools.solutions [--out solution]     (or: make solutions)

For every assignment, nbgrader's generate_solution writes the executed
solution notebooks (with their plots) and the course's configuration
removes the hidden tests from them. Each notebook is also exported to
static HTML, with an index page, for learners without Jupyter.
"""
import argparse
import copy
import html
import shutil
import sys
import tempfile
from pathlib import Path

from . import HEADER, ROOT, assignments, course_notebooks, grading, notebooks as nbs, outputs

# MathJax 2 as nbconvert loads it (its configuration, and Safe), from html/mathjax/
MATHJAX = "mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
# jupyter-server-mathjax's copy holds STIX-Web fonts only: with MathJax's
# default (TeX fonts) formulas showed in the browser's fallback font, small
# and upright. The website sets the same (site.py, mathjax2_config).
MATHJAX_FONTS = ('<script type="text/x-mathjax-config">MathJax.Hub.Config({"HTML-CSS": '
                 '{availableFonts: [], webFont: "STIX-Web", imageFont: null}});</script>')


def local_mathjax(page, loaded_from, url):
    """`page` (HTML) loading MathJax from `url` where it loaded it from
    `loaded_from`, with MATHJAX_FONTS set before it loads."""
    return page.replace(f'<script src="{loaded_from}">', f'{MATHJAX_FONTS}\n<script src="{url}">', 1)


# Worked solutions keep the exercise's text (the task each answer solves),
# which asks the learner to write what the page shows written: their pages
# (here, and the website's) say so under the title.
SOLUTION_NOTE = ("> **This is the worked solution.** The text is the exercise's, word for word: where it asks "
                 "you to write code or an answer, this page shows the reference solution, run, and a model "
                 "answer with the rubric it is graded by.")
TITLE = "Worked solution: {}"


def as_page(nb, header):
    """A worked solution as its HTML page shows it: without the header's
    cells (how to hand in, and `NAME = ""` to fill in), titled as a worked
    solution, with SOLUTION_NOTE under the title and a link to the index of
    the solutions. (The website marks its pages the same way: site.py.)"""
    nb = copy.deepcopy(nb)
    nb.cells = nb.cells[nbs.header_length(nb, header):]
    title = TITLE.format(nbs.title_of(nb))
    cell, i = nbs.title_line(nb)
    lines = cell.source.splitlines()
    lines[i:i + 1] = [f"# {title}", "", SOLUTION_NOTE, "", "[All worked solutions](../index.html)"]
    cell.source = "\n".join(lines)
    nb.metadata["title"] = title  # the page's <title>
    return nb


def copy_mathjax(dst):
    """MathJax 2 (jupyter-server-mathjax's copy, which the website uses too,
    coursetools/site.py) into `dst`, for pages that load MATHJAX from there."""
    import jupyter_server_mathjax
    shutil.copytree(Path(jupyter_server_mathjax.__file__).parent / "static", dst, dirs_exist_ok=True)


def build(out, root=ROOT, only=None, with_html=True, release_to=None):
    """Write worked solutions (and, with_html, static HTML) of every
    assignment, or of `only`; with `release_to`, also the release that
    generation made on the way (the exercises as nbgrader generates them
    from source/, whatever a learner has written in release/)."""
    out = Path(out)
    chosen = [a for a in assignments(root) if only is None or a in only]
    with tempfile.TemporaryDirectory(prefix="course-solutions-") as tmp:
        course = grading.copy_course(Path(tmp) / "course", root)
        own = grading.own_gradebook(course)  # never the class's, even with COURSE_DB_URL set
        for assignment in chosen:
            grading.generate(course, assignment, env=own)
            grading.nbgrader(["generate_solution", assignment, "--force"], course, env=own)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(course / "solution", out)
        if release_to is not None:
            shutil.copytree(course / "release", release_to)
    if not with_html:
        return out
    html_dir = out / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    # nbconvert's HTML exporter (the pages of `jupyter nbconvert --to html`,
    # exporters.py), in this process: one import of nbconvert, not one per page
    from .exporters import PageExporter
    exporter = PageExporter()
    # MathJax from the folder itself, not nbconvert's CDN: the pages are for
    # any browser, online or not
    copy_mathjax(html_dir / "mathjax")
    exporter.mathjax_url = f"../{MATHJAX}"
    links = []
    header = nbs.read(Path(root) / "source" / HEADER)
    for assignment in chosen:
        for src in course_notebooks(assignment, root):
            page, _resources = exporter.from_notebook_node(
                as_page(nbs.read(out / assignment / src.name), header),
                resources={"metadata": {"name": src.stem, "path": str(out / assignment)}})
            # nbconvert's lab template loads require.js from a CDN for widgets,
            # which no notebook of the course has: the page fetches nothing
            page = page.replace(f'<script src="{exporter.require_js_url}"></script>', "", 1)
            page = local_mathjax(page, exporter.mathjax_url, exporter.mathjax_url)
            target = html_dir / assignment / f"{src.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            links.append((assignment, src.stem, f"{assignment}/{src.stem}.html"))
    items = "\n".join(f'<li><b>{html.escape(a)}</b> &middot; <a href="{href}">{html.escape(stem)}</a></li>'
                      for a, stem, href in links)
    (html_dir / "index.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>ML coding interview: worked solutions</title></head>"
        "<body><h1>ML coding interview: worked solutions</h1>"
        "<p>Open a solution after your own attempt. Each page shows the reference code, its outputs and plots, "
        "the visible tests and the model answers to the written questions.</p>"
        f"<ul>\n{items}\n</ul></body></html>\n")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "solution"))
    args = parser.parse_args(argv)
    refused = outputs.refusal(args.out, ROOT / "solution", "solutions")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    out = build(args.out)
    outputs.mark(out, ROOT / "solution", "solutions")
    print(f"worked solutions: {out}/<assignment>/*.ipynb; static HTML: {out / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
