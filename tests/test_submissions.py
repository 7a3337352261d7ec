"""The tooling that builds test submissions from the source."""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from coursetools import notebooks as nbs, submissions


def _nb(*sources):
    meta = {"nbgrader": {"solution": True, "grade": False, "locked": False, "grade_id": "a", "schema_version": 3}}
    return new_notebook(cells=[new_code_cell(s, metadata=meta) for s in sources])


def test_apply_variant_replaces_only_the_named_definition():
    nb = _nb("def f(x):\n    return x\n\n\ndef g(x):\n    return 2 * x")
    out = submissions.apply_variant(nb, "import math\n\n\ndef g(x):\n    return math.floor(3 * x)\n")
    src = out.cells[0].source
    assert "return x" in src and "3 * x" in src and "2 * x" not in src
    assert src.index("import math") < src.index("def g")
    assert nb.cells[0].source.endswith("2 * x"), "the input notebook is left alone"
    ns = {}
    exec(src, ns)
    assert ns["g"](1.5) == 4 and ns["f"](1) == 1


def test_apply_variant_subclass_overrides_one_method_of_the_reference():
    nb = _nb("class Net:\n    def f(self):\n        return 1\n\n    def g(self):\n        return self.f() + 1\n\n\nz = 0")
    out = submissions.apply_variant(nb, "class Net(Net):\n    def f(self):\n        return 10\n")
    ns = {}
    exec(out.cells[0].source, ns)
    assert ns["Net"]().g() == 11, "the subclass overrides f and keeps the reference's g"
    assert ns["z"] == 0 and out.cells[0].source.count("class Net") == 2


def test_apply_variant_refuses_a_variant_that_matches_nothing():
    with pytest.raises(ValueError):
        submissions.apply_variant(_nb("def f():\n    pass"), "def h():\n    pass\n")


def test_reference_strips_delimiters():
    src = "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION"
    assert nbs.without_delimiters(src) == "def f():\n    return 1"
    assert nbs.delimiter_problems(nbformat.v4.new_code_cell("x = 1  ### BEGIN SOLUTION"))
