"""The documents a newcomer reads point at files that exist: every relative
link of README.md, CONTRIBUTING.md and SPEED.md, and every path they name
in backticks under the repository's own folders. A file renamed or moved
without its documents fails here."""
import re

import pytest

from conftest import ROOT

DOCS = ("README.md", "CONTRIBUTING.md", "SPEED.md")
LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s#]+)")
PATH = re.compile(r"`((?:coursetools|tests|\.ci|source|variants)/[^`\s<>*]+)`")


def named_files(text):
    """The repository paths a Markdown text links to or names in backticks."""
    return sorted(set(LINK.findall(text)) | set(PATH.findall(text)))


def test_named_files_are_found():
    text = "see [the guide](CONTRIBUTING.md#cells), `coursetools/zygote.py`, [site](https://x.org/a.md) and `release/<a>/`"
    assert named_files(text) == ["CONTRIBUTING.md", "coursetools/zygote.py"]


@pytest.mark.parametrize("doc", DOCS)
def test_the_files_a_document_names_exist(doc):
    named = named_files((ROOT / doc).read_text())
    assert named, f"{doc} names no file of the repository: has its wording changed?"
    missing = [path for path in named if not (ROOT / path).exists()]
    assert not missing, f"{doc} names files that do not exist: {missing}"
