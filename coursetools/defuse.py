"""A learner's HTML made harmless before an instructor's browser shows it.

Formgrader's grading page and the feedback pages render the autograded
notebooks with nbconvert, which passes a markdown cell's raw HTML, a raw
cell and a code cell's HTML, JavaScript or SVG output through as they are.
A learner's `<script>` (or `<img onerror=...>`, or `javascript:` link) thus
ran in the instructor's formgrader page with the instructor's login: a red
team's submission changed another learner's grades through formgrader's
API that way. nbconvert's own `sanitize_html` is no cure: it escapes even
paragraphs and headings.

So the autograded notebook keeps only what Markdown and the course's cells
make (headings, lists, tables, code, emphasis, `<details>`/`<summary>`,
images, links to http(s), mailto and in-page anchors) and pandas' tables:
- a markdown cell that renders to anything else is shown as its text, in a
  code block, under a note saying why;
- an HTML output is cleaned (bleach, with that list), and JavaScript, SVG,
  widget and Markdown outputs that would carry more are dropped, the
  output's plain text staying;
- a raw cell (nbconvert writes it into the page as it is) becomes a code
  block of its text.
The course's own cells pass unchanged (tests/test_defuse.py).
"""
import functools
import re
from html.parser import HTMLParser

import bleach
from bleach.css_sanitizer import CSSSanitizer
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s",
        "small", "span", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul"}
_PLAIN_ATTRIBUTES = {"class", "id", "title", "align", "alt", "width", "height", "border", "colspan", "rowspan",
                     "scoped", "start", "open", "style"}
_CSS = CSSSanitizer(allowed_css_properties=["text-align", "vertical-align", "white-space", "font-weight",
                                            "font-style", "color", "background-color", "padding", "border"])
# a scheme, as in "javascript:" (a link without one is relative)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
# a markdown cell has no use for a style sheet, which could restyle the whole grading page
MARKDOWN_TAGS = TAGS - {"style"}
DROPPED_MIMES = ("application/javascript", "image/svg+xml", "application/vnd.jupyter.widget-view+json",
                 "text/markdown")


def _attribute(tag, name, value):
    if name == "href":
        scheme = _SCHEME.match(value)
        return tag == "a" and (scheme is None or scheme.group(1).lower() in ("http", "https", "mailto"))
    if name == "src":
        scheme = _SCHEME.match(value)
        return tag == "img" and (scheme is None or scheme.group(1).lower() in ("http", "https", "attachment")
                                 or value.strip().lower().startswith(("data:image/png", "data:image/jpeg",
                                                                      "data:image/gif")))
    return name in _PLAIN_ATTRIBUTES


def clean(html, tags=TAGS):
    """The HTML with every element and attribute not on the lists removed
    (the text of a removed element stays, as text)."""
    # bleach checks the schemes of links too; _attribute says which tag may have which
    return bleach.clean(html, tags=tags, attributes=_attribute, css_sanitizer=_CSS, strip=True,
                        strip_comments=True, protocols=["http", "https", "mailto", "data", "attachment"])


class _Markup(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, tuple(sorted(name for name, _ in attrs))))

    handle_startendtag = handle_starttag


def _markup(html):
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.found


def is_harmless(html, tags=TAGS):
    """True when cleaning would remove no element and no attribute."""
    return _markup(html) == _markup(clean(html, tags))


def _rendered(source, attachments=None):
    """The HTML nbconvert makes of a Markdown text (None if it cannot)."""
    try:
        return MarkdownWithMath(renderer=IPythonRenderer(escape=False, attachments=attachments or {})).render(source)
    except Exception:
        return None


def _harmless_markdown(source, attachments=None):
    """True when the HTML nbconvert makes of the Markdown text is harmless.
    Texts without attachments are judged once per process: a class's
    notebooks share most of their cells."""
    return _judged(source, attachments) if attachments else _judged_text(source)


def _judged(source, attachments=None):
    html = _rendered(source, attachments)
    return html is not None and is_harmless(html, MARKDOWN_TAGS)


_judged_text = functools.lru_cache(maxsize=4096)(_judged)


def _as_text(text, note):
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"*{note}*\n\n{fence}text\n{text}\n{fence}"


def defuse_cell(cell):
    """Make one cell harmless in place (see the module's doc); True if it changed."""
    changed = False
    if cell.cell_type == "markdown" and not _harmless_markdown(cell.source, cell.get("attachments")):
        cell.source = _as_text(cell.source, "(This cell holds HTML that the grading pages do not show: "
                                            "its text follows.)")
        changed = True
    elif cell.cell_type == "raw":
        cell.cell_type = "markdown"
        for key in ("format", "raw_mimetype"):
            cell.metadata.pop(key, None)
        cell.source = _as_text(cell.source, "(A raw cell, shown as text.)")
        changed = True
    for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
        data = output.get("data", {})
        for mime in [m for m in DROPPED_MIMES if m in data]:
            if mime != "text/markdown" or not _harmless_markdown(_joined(data[mime])):
                del data[mime]
                changed = True
        if "text/html" in data:
            html = _joined(data["text/html"])
            if not is_harmless(html):
                data["text/html"] = clean(html)
                changed = True
        if output.get("output_type") in ("display_data", "execute_result") and not data:
            data["text/plain"] = "[an output the grading pages do not show]"
    return changed


def _joined(value):
    return "".join(value) if isinstance(value, list) else value
