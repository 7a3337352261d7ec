"""The course website for self-study (`make site`, coursetools/site.py).

Builds the site once with `make site` in a fresh clone of the course, then:
- no hidden-test line of any source notebook is in any file of the site;
- in Debian's Chromium (Playwright), opening the site from the disk as the
  README says: every page renders with its title, no script error, no
  missing file and nothing fetched from the network, its formulas typeset;
  solution pages show every plot; the navigation lists the lessons in
  course order; the search box finds a term on the right pages, and each
  page shows one search entry point;
- solution pages say that their text is the exercise's, their plots have
  alt text, and only notebook pages have a download button.
"""
import json
import re
import time

import nbformat
import pytest

import newcomer
from browser import browser, needs_chromium, screenshots  # noqa: F401 (browser: a fixture)
from conftest import ROOT, visible_text
from coursetools import assignments, notebooks as nbs, site, source_notebooks


# A learner's answer, written into release/ (where learners work) before
# `make site`: it must not reach the site's exercise pages or downloads.
LEARNERS_ANSWER = "learners_own_answer_7f3a = 'half done'"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(course clone, site folder, make's output) after `make site` in a fresh
    clone whose learner has begun an exercise in release/ (put back as
    released once the site is built)."""
    course = newcomer.clone(tmp_path_factory.mktemp("site") / "course")
    first = course / "release" / assignments()[0] / source_notebooks(assignments()[0])[0].name
    released = first.read_bytes()
    nb = nbs.read(first)
    next(c for c in nb.cells if c.cell_type == "code" and "NotImplementedError" in c.source).source = LEARNERS_ANSWER
    nbformat.write(nb, str(first))
    start = time.perf_counter()
    proc = newcomer.make(course, "site")
    print(f"\n[site] make site: {time.perf_counter() - start:.0f} s")
    first.write_bytes(released)
    assert proc.returncode == 0, proc.stdout[-4000:]
    return course, course / "site", proc.stdout


def test_a_learners_answer_in_release_stays_off_the_site(built):
    """The exercise pages are generated from source/ for the site: they used
    to be copied from release/, with whatever the learner had written there."""
    _course, out, _output = built
    leaked = [str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()
              and any("learners_own_answer_7f3a" in text for text in _texts(p))]
    assert not leaked, f"the learner's answer is on the site: {leaked[:5]}"


def _sources():
    return [nbs.read(p) for a in assignments() for p in source_notebooks(a)] + [nbs.read(ROOT / "source" / "header.ipynb")]


def _texts(path):
    """What a file of the site holds, as the texts a hidden line could hide in:
    the raw text, what a reader of an HTML page sees, and the strings of a
    JSON file (a notebook's code lines are escaped in its raw text)."""
    raw = path.read_bytes().decode("utf-8", errors="ignore")
    texts = [raw]
    if path.suffix == ".html":
        texts.append(visible_text(raw))
    if path.suffix in (".ipynb", ".json"):
        def strings(obj):
            if isinstance(obj, str):
                yield obj
            elif isinstance(obj, list) and obj and all(isinstance(x, str) for x in obj):
                yield "".join(obj)
            elif isinstance(obj, (list, dict)):
                for x in (obj.values() if isinstance(obj, dict) else obj):
                    yield from strings(x)
        texts.append("\n".join(strings(json.loads(raw))))
    return texts


def _pages(out):
    """(kind, assignment, stem, its HTML) for every notebook page of the built site."""
    for kind, assignment, stem, _label in site.pages():
        yield kind, assignment, stem, (out / kind / assignment / f"{stem}.html").read_text()


def test_make_site_builds_in_a_fresh_clone_and_leaves_it_clean(built):
    course, out, output = built
    assert "WARNING" not in output and "ERROR" not in output, f"Sphinx complained:\n{output[-3000:]}"
    assert (out / "index.html").is_file() and (out / "searchindex.js").is_file()
    for kind, assignment, stem, _label in site.pages():
        assert (out / kind / assignment / f"{stem}.html").is_file(), f"no page for {kind}/{assignment}/{stem}"
    assert newcomer.git_status(course) == "", "the built site should be ignored by git (.gitignore)"
    # pages alternate exercise and worked solution: a "next" button on an exercise opened its solution
    for kind, assignment, stem, page in _pages(out):
        assert 'class="right-next"' not in page and 'class="left-prev"' not in page, f"{kind}/{assignment}/{stem}"


def test_no_hidden_test_line_anywhere_on_the_site(built):
    _course, out, _output = built
    sources = _sources()
    public = [line for nb in sources for line in nbs.public_lines(nb)]
    hidden = nbs.distinctive([line for nb in sources for line in nbs.hidden_test_lines(nb)], public)
    assert hidden, "the source notebooks should have hidden tests to look for"
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) > 20
    leaked = {}
    for path in files:
        for text in _texts(path):
            for line in hidden:
                if line in text:
                    leaked.setdefault(str(path.relative_to(out)), set()).add(line)
    assert not leaked, f"hidden test lines on the site: {dict(list(leaked.items())[:3])}"


def test_test_cells_are_folded_and_answers_are_not(built):
    """The visible tests are most of a page's code: every test cell is folded
    under "Show code cell source", and nothing else is (a page must show the
    answer cells and the given code)."""
    _course, out, _output = built
    for kind, assignment, stem, page in _pages(out):
        nb = nbs.read(ROOT / ("release" if kind == "exercises" else "source") / assignment / f"{stem}.ipynb")
        n_tests = sum(1 for cell in nb.cells if nbs.is_test(cell))
        folded = page.count('class="cell tag_hide-input')
        assert n_tests and folded == n_tests, f"{kind}/{assignment}/{stem}: {folded} folded cells, {n_tests} test cells"


def test_solution_pages_say_the_text_is_the_exercises(built):
    """A worked solution keeps the exercise's instructions ("a function for you
    to write"), next to code already written: a note under its title says so."""
    _course, out, _output = built
    for kind, assignment, stem, page in _pages(out):
        where = page.find("This is the worked solution.")
        if kind == "exercises":
            assert where < 0, f"{kind}/{assignment}/{stem}: an exercise page says it is the worked solution"
        else:
            assert page.find("<h1") < where < page.find('class="cell'), \
                f"{kind}/{assignment}/{stem}: no note under the title that the text is the exercise's"


def test_plots_have_alt_text(built):
    """MyST-NB gives an output image its file path as alt text: the site gives
    each plot its titles, or says it is a plot."""
    _course, out, _output = built
    shown = [(f"{kind}/{assignment}/{stem}", alt) for kind, assignment, stem, page in _pages(out)
             for alt in re.findall(r'<img alt="([^"]*)"', page)]
    assert len(shown) > 20, f"the solution pages should show their plots: {shown}"
    bad = [(rel, alt) for rel, alt in shown if not alt.startswith("Plot") or alt.endswith(".png") or "_images" in alt]
    assert not bad, f"images whose alt text is no description: {bad[:5]}"
    titled = [alt for _rel, alt in shown if alt.startswith("Plot: ")]
    assert len(titled) > len(shown) / 2, f"most plots should be described by their titles: {shown}"


def test_only_notebook_pages_have_a_download_button(built):
    """The index's download button offered its Markdown source; a notebook page
    offers the notebook."""
    _course, out, _output = built
    index = (out / "index.html").read_text()
    assert "dropdown-download-buttons" not in index and "_sources/index.md" not in index, \
        "the index page offers a download of its source"
    for kind, assignment, stem, page in _pages(out):
        assert f'href="../../_sources/{kind}/{assignment}/{stem}.ipynb"' in page, \
            f"{kind}/{assignment}/{stem}: no download of the notebook"


# --- in the browser -----------------------------------------------------------

# The search entry points a reader sees on a page (the search dialog's own
# field counts only when the dialog is open).
VISIBLE_SEARCH = """() => [...document.querySelectorAll('.search-button__button, form.bd-search')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden'
        && !e.closest('dialog:not([open])'); }).length"""


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return screenshots(tmp_path_factory)


class Visit:
    """A page opened from the disk, with what went wrong while it loaded."""

    def __init__(self, browser, url):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.problems = []
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("request", self._request)
        self.page.goto(url)

    def _failed(self, request):
        # MathJax 2 probes web-font support with a font at about:blank, which
        # Chromium refuses; only the site's own files count.
        if request.url.startswith("file:"):
            self.problems.append(f"missing file: {request.url}")

    def _request(self, request):
        if not request.url.startswith(("file:", "data:", "about:", "blob:")):
            self.problems.append(f"fetched from the network: {request.url}")


def _url(out, rel):
    return (out / rel).resolve().as_uri()


def _expected_titles():
    """Site-relative path -> the title its page must show, for every page."""
    expected = {"index.html": site.TITLE}
    for kind, assignment, stem, _label in site.pages():
        folder = ROOT / ("release" if kind == "exercises" else "source") / assignment
        expected[f"{kind}/{assignment}/{stem}.html"] = site.page_title(kind, nbs.read(folder / f"{stem}.ipynb"))
    return expected


@pytest.fixture(scope="module")
def opened(built, browser, shots):
    """Every page of the site opened once in Chromium, as a reader opens it
    (the page, then its formulas typeset): relative path -> what it showed.
    The two tests below read the same visit, so no page is loaded twice."""
    _course, out, _output = built
    seen = {}
    for rel in _expected_titles():
        visit = Visit(browser, _url(out, rel))
        page = visit.page
        look = {"h1": page.evaluate("""() => { const h = document.querySelector('main h1'); if (!h) return null;
            const c = h.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());
            return c.textContent.trim(); }"""),
                "title": page.title(),
                "errors shown": page.locator(".system-message, .output.traceback").count(),
                "search entries": page.evaluate(VISIBLE_SEARCH),
                "typeset": None}
        if page.locator(".math.notranslate").count():
            try:
                page.wait_for_function("() => [...document.querySelectorAll('.math.notranslate')].every("
                                       "m => m.querySelector('.MathJax, .MathJax_Display'))", timeout=120_000)
                look["typeset"] = True
                # MathJax lays formulas out after they appear, and asks for fonts then: its queue's end
                page.evaluate("() => new Promise(done => MathJax.Hub.Queue(() => done(true)))")
                # a formula wider than its column scrolls (the theme's rules for MathJax 3 cut it off)
                look["cut off"] = page.evaluate("""() => [...document.querySelectorAll('div.math')].filter(d => {
                    const right = d.getBoundingClientRect().right;
                    const widest = Math.max(...[...d.querySelectorAll('.MathJax *')].map(e => e.getBoundingClientRect().right));
                    return widest > right + 2 && !['auto', 'scroll'].includes(getComputedStyle(d).overflowX);
                }).map(d => d.querySelector('script') ? d.querySelector('script').textContent.slice(0, 60) : '')""")
                # inline formulas on the text's line: no flex box around them, and no box of MathJax's
                # (class math too) that hides its overflow, which would sit on its bottom edge
                look["inline off the line"] = page.evaluate("""() => [...document.querySelectorAll('span.math')]
                    .filter(m => (m.classList.contains('notranslate') && getComputedStyle(m).display !== 'inline')
                                 || getComputedStyle(m).overflowX !== 'visible').length""")
            except Exception:
                page.screenshot(path=str(shots / f"site-{rel.replace('/', '-')}.png"))
                look["typeset"] = False
        if rel.startswith("solutions/"):
            images = page.locator(".cell_output img")
            if images.count():
                images.first.scroll_into_view_if_needed()
            _kind, assignment, page_name = rel.split("/")
            page.screenshot(path=str(shots / f"site-{assignment}-{page_name.removesuffix('.html')}-plot.png"))
            look["image sizes"] = page.evaluate("() => [...document.querySelectorAll('.cell_output img')]"
                                                ".map(i => [i.naturalWidth, i.getBoundingClientRect().width])")
        look["problems"] = list(visit.problems)
        page.close()
        seen[rel] = look
    return seen


@needs_chromium
def test_every_page_renders_with_its_title_and_formulas(opened):
    for rel, title in _expected_titles().items():
        look = opened[rel]
        assert look["h1"] == title, f"{rel}: the page's heading is {look['h1']!r}, expected {title!r}"
        assert look["title"].startswith(title), f"{rel}: the browser tab says {look['title']!r}"
        assert look["errors shown"] == 0, f"{rel}: an error is shown on the page"
        if look["typeset"] is False:
            pytest.fail(f"{rel}: formulas were not typeset (offline MathJax)")
        assert not look.get("cut off"), f"{rel}: formulas cut off at the page's edge: {look['cut off']}"
        assert not look.get("inline off the line"), f"{rel}: inline formulas laid out as boxes off the text's line"
        assert not look["problems"], f"{rel}: {look['problems'][:5]}"


@needs_chromium
def test_one_search_entry_point_per_page(built, browser, opened):
    """pydata-sphinx-theme 0.20 put a header bar with a second search field
    above the sidebar's; on a narrow screen the sidebar folds away and the
    page header's search button is the one."""
    _course, out, _output = built
    several = {rel: look["search entries"] for rel, look in opened.items() if look["search entries"] != 1}
    assert not several, f"pages that do not show exactly one search entry point: {several}"
    page = browser.new_page(viewport={"width": 800, "height": 900})
    page.goto(_url(out, "index.html"))
    assert page.evaluate(VISIBLE_SEARCH) == 1, "a narrow window should show one search entry point"
    page.close()


@needs_chromium
def test_solution_pages_show_every_plot(built, opened):
    _course, out, _output = built
    for kind, assignment, stem, _label in site.pages():
        if kind != "solutions":
            continue
        rel = f"{kind}/{assignment}/{stem}.html"
        nb = nbs.read(out / "_sources" / kind / assignment / f"{stem}.ipynb")
        plots = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
        assert plots, f"{rel}: the worked solution should have plots"
        look = opened[rel]
        sizes = look["image sizes"]  # [natural width, width shown] of each image on the page
        assert len(sizes) == plots, f"{rel}: {len(sizes)} images shown for {plots} plots"
        blank = [i for i, (natural, shown) in enumerate(sizes) if natural == 0 or shown < 50]
        assert not blank, f"{rel}: plots {blank} are not displayed (of {sizes})"
        assert not look["problems"], f"{rel}: {look['problems'][:5]}"


@needs_chromium
def test_navigation_follows_course_order(built, browser):
    _course, out, _output = built
    visit = Visit(browser, _url(out, "index.html"))
    links = visit.page.evaluate("() => [...document.querySelectorAll('ul.bd-sidenav:not(.bd-sidenav__home-link) "
                                "a.reference.internal')].map(a => [a.textContent.trim(), a.getAttribute('href')])")
    expected = [[label, f"{kind}/{assignment}/{stem}.html"] for kind, assignment, stem, label in site.pages()]
    assert links == expected, f"the navigation lists {links}"
    visit.page.close()
    # The course order is the README's: lessons 01, 02, ... and, within one,
    # the notebooks in the order of the README's table.
    readme = (ROOT / "README.md").read_text()
    presented = []
    for assignment in assignments():
        row = re.search(rf"^\| `{assignment}` \| ([^|]+) \|", readme, re.M)
        assert row, f"the README's table has no row for {assignment}"
        presented += [(assignment, name.removesuffix(".ipynb")) for name in re.findall(r"`([^`]+)`", row.group(1))]
    shown = [(assignment, stem) for kind, assignment, stem, _label in site.pages() if kind == "exercises"]
    assert shown == presented, f"the site's order {shown} is not the README's {presented}"


def _search_term():
    """A graded name of the last lesson that no other lesson mentions: the
    search must find it on that lesson's two pages."""
    texts = {(a, p.stem): "\n".join(c.source for c in nbs.read(p).cells) for a in assignments() for p in source_notebooks(a)}
    for (assignment, stem), _text in reversed(texts.items()):
        for name in nbs.graded_names(nbs.read(ROOT / "source" / assignment / f"{stem}.ipynb")):
            if name.isidentifier() and not any(name in other for key, other in texts.items() if key != (assignment, stem)):
                return name, assignment, stem
    pytest.fail("no graded name is unique to one lesson")


@needs_chromium
def test_search_finds_a_term_on_its_pages(built, browser, shots):
    _course, out, _output = built
    term, assignment, stem = _search_term()
    visit = Visit(browser, _url(out, "index.html"))
    page = visit.page
    page.locator("button.search-button__button").first.click()
    page.keyboard.type(term)
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("() => /Search finished|did not match/.test("
                               "document.querySelector('#search-results')?.innerText)", timeout=60_000)
    except Exception:
        pytest.fail(f"searching {term!r} did not finish: {page.inner_text('main')[:300]!r}")
    page.screenshot(path=str(shots / "site-search.png"))
    hrefs = page.evaluate("() => [...document.querySelectorAll('#search-results ul.search li a')].map(a => a.getAttribute('href'))")
    pages = {h.split("#")[0] for h in hrefs}
    for kind in ("exercises", "solutions"):
        assert f"{kind}/{assignment}/{stem}.html" in pages, f"searching {term!r} found {sorted(pages)}"
    assert not visit.problems, visit.problems[:5]
    page.close()
