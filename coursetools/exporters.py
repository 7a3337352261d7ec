"""HTML pages of notebooks (learner feedback, worked solutions): nbconvert's
HTMLExporter without its BeautifulSoup pass.

After rendering its template, nbconvert's HTMLExporter parses the whole page
with BeautifulSoup's pure-Python parser only to give images without an alt
text the alt "No description has been provided for this image" and cell
inputs and outputs tabindex="0" (keyboard focus), then writes the page out
again. That pass is about half of a page's time: a feedback page of
02_metrics spends more time in it than in rendering the notebook.
PageExporter makes the same two changes on the start tags themselves, so
its page, read by BeautifulSoup, is nbconvert's (tests/test_exporters.py).
nbgrader_config.py makes it nbgrader's feedback exporter.
"""
import re

from nbconvert.exporters import HTMLExporter, TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

ALT = "No description has been provided for this image"
# a start tag's attributes; quoted values may hold '>'
_ATTRS = r"""(?:[^<>"']|"[^"]*"|'[^']*')*"""
_IMG = re.compile(rf"<img(?=[\s/>])({_ATTRS}?)(\s*/?)>", re.I)
_DIV = re.compile(rf"<div(?=[\s/>])({_ATTRS}?)(\s*/?)>", re.I)
_START = re.compile(rf"<[a-zA-Z][^\s/>]*({_ATTRS}?)>")
# one attribute: name, and its value if it has one
_ATTR = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
# text in which a parser sees no tags: comments, and the contents of the
# elements whose text is raw
_OPAQUE = re.compile(r"<!--.*?-->|<(script|style|textarea|title)(?=[\s/>]).*?</\1\s*>", re.I | re.S)
# nbconvert's selectors: ".jp-Notebook div.jp-Cell-inputWrapper", ".jp-Notebook div.jp-OutputArea-output"
NOTEBOOK = "jp-Notebook"
FOCUSABLE = frozenset({"jp-Cell-inputWrapper", "jp-OutputArea-output"})


def _attributes(attrs):
    """{name: value} of a start tag's attribute text (lower-case names,
    quotes removed; of a repeated name, the last, as BeautifulSoup keeps)."""
    return {name.lower(): value[1:-1] if value[:1] in "\"'" else value for name, value in _ATTR.findall(attrs)}


def _classes(attrs):
    return set(_attributes(attrs).get("class", "").split())


def mark_up(page, log=None):
    """nbconvert's changes to a rendered page (module doc); like nbconvert,
    warns on `log` how many images had no alt text."""
    missing_alt = 0
    inside = False  # past the start tag of the element classed jp-Notebook

    def with_alt(match):
        nonlocal missing_alt
        attrs, end = match.groups()
        if "alt" in _attributes(attrs):
            return match.group(0)
        missing_alt += 1
        return f'<img{attrs} alt="{ALT}"{end}>'

    def focusable(match):
        attrs, end = match.groups()
        if not _classes(attrs) & FOCUSABLE:
            return match.group(0)
        kept = "".join(m.group(0) for m in _ATTR.finditer(attrs) if m.group(1).lower() != "tabindex")
        return f'<div{kept} tabindex="0"{end}>'

    def tags(text):
        nonlocal inside
        text = _IMG.sub(with_alt, text)
        at = 0
        if not inside:
            # nbconvert's lab template classes <body> jp-Notebook: every div after it is inside
            at = next((m.end() for m in _START.finditer(text) if NOTEBOOK in _classes(m.group(1))), None)
            if at is None:
                return text
            inside = True
        return text[:at] + _DIV.sub(focusable, text[at:])

    parts, pos = [], 0
    for m in _OPAQUE.finditer(page):
        parts += [tags(page[pos:m.start()]), m.group(0)]
        pos = m.end()
    page = "".join(parts + [tags(page[pos:])])
    if missing_alt and log is not None:
        log.warning("Alternative text is missing on %s image(s).", missing_alt)
    return page


class PageExporter(HTMLExporter):
    """HTMLExporter whose page is the template's, marked up by `mark_up`."""

    def from_notebook_node(self, nb, resources=None, **kw):
        # as HTMLExporter.from_notebook_node (nbconvert 7.17), up to its BeautifulSoup pass
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        highlight_code = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
        resources = self._init_resources(resources)
        filter_data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                 resources=resources)
        self.register_filter("highlight_code", highlight_code)
        self.register_filter("filter_data_type", filter_data_type)
        html, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return mark_up(html, self.log), resources
