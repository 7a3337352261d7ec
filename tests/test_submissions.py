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


_TREE = ("import numpy as np\n\n\nclass Tree:\n    def fit(self, x):\n        if x > 1:  # deep enough\n"
         "            return 1\n        for i in range(3):\n            x += i\n        return x\n\n\n"
         "def gini(x):\n    return 1 - x")


def test_apply_variant_edits_lines_inside_the_reference_definition():
    variant = ('"""The learner stops one level too late."""\nfrom math import floor\n\n'
               'EDITS = {"Tree": [("if x > 1:  # deep enough", "if x > 2:"),\n'
               '                  ("""\n        for i in range(3):\n            x += i\n    """,\n'
               '                   """\n        x = floor(x)\n        x -= 1\n    """)]}\n')
    src = submissions.apply_variant(_nb(_TREE), variant).cells[0].source
    assert "        if x > 2:\n            return 1\n        x = floor(x)\n        x -= 1\n        return x" in src
    assert src.startswith("from math import floor") and src.count("class Tree") == 1
    ns = {}
    exec(src, ns)
    assert ns["Tree"]().fit(2.5) == 1 and ns["Tree"]().fit(1.5) == 0 and ns["gini"](3) == -2


@pytest.mark.parametrize("edits,problem", [
    ({"Tree": [("x += 1", "x += 2")]}, "0 times"),              # not in the reference
    ({"Tree": [("return 1 - x", "return x")]}, "0 times"),      # only in another definition, gini
    ({"Tree": [("x", "y")]}, "0 times"),                        # a part of a line is not a line
    ({"Tree": [("return 1", "return 1")]}, "changes nothing"),
    ({"Forest": [("return 1", "return 2")]}, "defined in no answer cell"),
])
def test_apply_variant_refuses_edits_that_do_not_match_once(edits, problem):
    with pytest.raises(ValueError, match=problem):
        submissions.apply_variant(_nb(_TREE), f"EDITS = {edits!r}")


def test_reference_strips_delimiters():
    src = "def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION"
    assert nbs.without_delimiters(src) == "def f():\n    return 1"
    assert nbs.delimiter_problems(nbformat.v4.new_code_cell("x = 1  ### BEGIN SOLUTION"))


def _run_peeking(check):
    """Run the peeking helpers and `check` as a notebook's cells run (in
    __main__, each cell compiled under its own name) in a fresh Python;
    the graded name is `mean` of a 1-D array, or `fit`, which returns a
    model whose `predict` gives labels. Returns what the check printed."""
    import subprocess
    import sys
    import textwrap
    helpers = submissions._HOSTILE_HELPERS.format(eq=False) + submissions._PEEKING_HELPERS
    answer = textwrap.dedent('''
        import numpy as np

        def mean(x):
            return np.asarray(x, dtype=float).mean(axis=0)

        class _Model:
            def predict(self, X):
                return (np.asarray(X)[:, 0] > 0).astype(int)

        def fit(X, y):
            return _Model()

        mean = _peeking(mean)
        fit = _peeking(fit)
    ''')
    script = "\n".join(f"exec(compile({src!r}, {name!r}, 'exec'))"
                       for name, src in (("<helpers>", helpers), ("<answer>", answer), ("<check>", check)))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("check,found", [
    # the expected value computed before the call, in a global or a local
    ("x = np.arange(6.0).reshape(3, 2) / 7\nexpected = x.mean(axis=0)\nprint(np.allclose(mean(x), expected))", True),
    ("def t():\n    x = np.arange(6.0).reshape(3, 2) / 7\n    exp = x.mean(axis=0)\n    return np.allclose(mean(x), exp)\nprint(t())", True),
    # labels held next to the inputs while predict runs (the 01_baseline attack)
    ("def t():\n    X = np.array([[1.], [-1.], [2.], [-3.]])\n    y = np.array([0, 1, 1, 0])\n"
     "    return np.array_equal(np.asarray(fit(X, y).predict(X), dtype=int), y)\nprint(t())", True),
    # the same checks computing what they expect after the call
    ("def t():\n    x = np.arange(6.0).reshape(3, 2) / 7\n    got = np.asarray(mean(x), dtype=float)\n"
     "    return np.allclose(got, x.mean(axis=0))\nprint(t())", False),
    ("def t():\n    X = np.array([[1.], [-1.], [2.], [-3.]])\n    model = fit(X, np.array([0, 1, 1, 0]))\n"
     "    got = np.asarray(model.predict(X), dtype=int)\n    return np.array_equal(got, [0, 1, 1, 0])\nprint(t())", False),
])
def test_peeking_answer_finds_what_a_check_holds_while_it_runs(check, found):
    """The peeking learner passes a check exactly when the check's expected
    value (or the labels of its inputs) exists while the learner's code runs."""
    assert _run_peeking(check).split() == [str(found)]


def test_an_answer_equal_to_anything_is_not_iterable_like_a_plain_wrong_one():
    """Learners "equal-to-anything" and "wrong-values" differ only in their
    comparisons: iterating either fails at once (list() of an object that
    answers every index would never end)."""
    answers = {}
    for eq in (False, True):
        ns = {}
        exec(submissions._HOSTILE_HELPERS.format(eq=eq), ns)
        answers[eq] = ns["_poison"](pytest)  # a module: "anything else"
    assert answers[True] == 1.0 and answers[True] == "anything" and answers[False] != 1.0
    for answer in answers.values():
        with pytest.raises(TypeError, match="not iterable"):
            iter(answer)  # first: list() would not end if this passed
        with pytest.raises(TypeError, match="not iterable"):
            list(answer)
