"""nbgrader metadata of every source notebook is valid and clean."""
import ast
import builtins
import re

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT, read_source
from coursetools import notebooks as nbs


@pytest.fixture(params=NOTEBOOKS, ids=[f"{a}/{n}" for a, n in NOTEBOOKS])
def source_nb(request):
    assignment, notebook = request.param
    return read_source(assignment, notebook)


def test_course_has_assignments():
    assert NOTEBOOKS, "no source notebook found under source/"


def test_notebook_is_valid_nbformat(source_nb):
    nbformat.validate(source_nb)
    assert source_nb.metadata.get("kernelspec", {}).get("name") == "python3"


def test_grade_ids_are_unique(source_nb):
    ids = [nbs.grade_id(c) for c in source_nb.cells if nbs.meta(c)]
    assert all(ids), "every nbgrader cell needs a grade_id"
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate grade ids: {dupes}"


def test_grade_cells_have_points(source_nb):
    for cell in source_nb.cells:
        m = nbs.meta(cell)
        if m.get("grade"):
            assert float(m.get("points", 0)) > 0, f"grade cell {m['grade_id']} has no points"
        if m:
            assert m.get("schema_version") == 3, f"{m.get('grade_id')}: schema_version should be 3"


def test_test_cells_are_locked_and_answers_are_not(source_nb):
    for cell in source_nb.cells:
        m = nbs.meta(cell)
        if nbs.is_test(cell):
            assert m.get("locked"), f"test cell {m['grade_id']} must be locked"
        if m.get("solution"):
            assert not m.get("locked"), f"answer cell {m['grade_id']} must not be locked"


def test_delimiters_stand_alone_and_balance(source_nb):
    for cell in source_nb.cells:
        problems = nbs.delimiter_problems(cell)
        assert not problems, f"{nbs.grade_id(cell)}: {problems}"
        if nbs.BEGIN_SOLUTION in cell.source:
            assert nbs.is_solution(cell), f"{nbs.grade_id(cell)} has a solution region but is not a solution cell"
        if nbs.BEGIN_HIDDEN in cell.source:
            assert nbs.is_test(cell), f"{nbs.grade_id(cell)} has hidden tests but is not a test cell"


def test_no_outputs_committed(source_nb):
    for cell in source_nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs, f"{nbs.grade_id(cell)}: source notebooks are committed without outputs"
            assert cell.execution_count is None, f"{nbs.grade_id(cell)}: clear execution counts"


def test_every_assert_names_the_mistake(source_nb):
    """Visible checks say what went wrong: every assert has a message."""
    for cell in source_nb.cells:
        if not nbs.is_test(cell):
            continue
        visible = "\n".join(nbs._regions(cell.source, nbs.BEGIN_HIDDEN, nbs.END_HIDDEN)[1])
        for node in ast.walk(ast.parse(visible)):
            if isinstance(node, ast.Assert):
                assert node.msg is not None, (
                    f"{nbs.grade_id(cell)} line {node.lineno}: a visible assert without a message")


def test_every_answer_has_a_test(source_nb):
    """Each notebook has test cells worth points, and each answer cell defines something."""
    tests = [c for c in source_nb.cells if nbs.is_test(c)]
    assert tests, "a notebook without autograded tests"
    for cell in source_nb.cells:
        if cell.cell_type == "code" and nbs.is_solution(cell):
            names = nbs.defined_names(nbs.without_delimiters(cell.source))
            assert names, f"answer cell {nbs.grade_id(cell)} defines nothing"
            test_text = "\n".join(c.source for c in tests)
            for name in names:
                if not name.startswith("_"):
                    assert name in test_text, f"{name} is never called by a test cell"


def test_header_notebook_exists():
    header = nbs.read(ROOT / "source" / "header.ipynb")
    assert "NAME" in "".join(c.source for c in header.cells)


def test_test_cells_do_not_end_in_an_expression(source_nb):
    """nbgrader reads a number displayed by a test cell as partial credit:
    test cells end in a statement (assert, loop, ...), never a bare expression."""
    for cell in source_nb.cells:
        if nbs.is_test(cell):
            body = ast.parse(nbs.without_delimiters(cell.source)).body
            assert body and not isinstance(body[-1], ast.Expr), (
                f"{nbs.grade_id(cell)} ends in an expression whose value nbgrader would grade")


def _course_role(cell):
    return cell.get("metadata", {}).get("course", {})


def test_written_answers_have_a_rubric_worth_their_points(source_nb):
    """Right after each written answer: its rubric, 3 or 4 numbered points,
    1 point each, so formgrader's score box carries the rubric's points."""
    cells = source_nb.cells
    written = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and nbs.is_solution(c) and nbs.is_grade(c)]
    for i in written:
        gid = nbs.grade_id(cells[i])
        rubric = cells[i + 1] if i + 1 < len(cells) else None
        assert rubric is not None and _course_role(rubric) == {"role": "rubric", "for": gid}, \
            f"{gid}: the cell after a written answer should be its rubric"
        assert not nbs.meta(rubric), f"{gid}: the rubric is a plain cell (no nbgrader metadata)"
        assert "<details>" in rubric.source and "Rubric" in rubric.source
        points = re.findall(r"^\d+\. \S", rubric.source, re.M)
        assert 3 <= len(points) <= 4, f"{gid}: a rubric has 3 or 4 points, found {len(points)}"
        assert float(nbs.meta(cells[i])["points"]) == len(points), \
            f"{gid}: worth {nbs.meta(cells[i])['points']} points but its rubric has {len(points)}"


def test_graded_answer_cells_have_hints_without_the_solution(source_nb):
    """Right before each answer cell that defines a graded name: 1 to 3
    collapsed hints, none of which holds a line of the solution."""
    cells = source_nb.cells
    # what the learner sees anyway, hints left out (API names in the instructions...)
    shown = nbs.public_lines(nbformat.v4.new_notebook(
        cells=[c for c in cells if _course_role(c).get("role") != "hints"]))
    for i, cell in enumerate(cells):
        if not (cell.cell_type == "code" and nbs.is_solution(cell)):
            continue
        public = [n for n in nbs.defined_names(nbs.without_delimiters(cell.source)) if not n.startswith("_")]
        if not public:
            continue
        gid = nbs.grade_id(cell)
        hints = cells[i - 1]
        assert _course_role(hints) == {"role": "hints", "for": gid}, \
            f"{gid} ({', '.join(public)}): the cell before a graded answer should hold its hints"
        n = hints.source.count("<details>")
        assert 1 <= n <= 3 and hints.source.count("</details>") == n, f"{gid}: 1 to 3 collapsed hints, found {n}"
        solution = nbs.distinctive(nbs.hidden_lines(nbformat.v4.new_notebook(cells=[cell])), shown)
        leaked = [line for line in solution if line in hints.source]
        assert not leaked, f"{gid}: a hint quotes the solution: {leaked[:2]}"


def _graded_choices(cell):
    """{key: value} of a dict of strings an answer cell's solution assigns
    (the answer itself, like 02's METRIC_CHOICE), or {}."""
    choices = {}
    for node in ast.walk(ast.parse(nbs.without_delimiters(cell.source))):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            pairs = list(zip(node.value.keys, node.value.values))
            if pairs and all(isinstance(k, ast.Constant) and isinstance(k.value, str) and isinstance(v, ast.Constant)
                             and isinstance(v.value, str) for k, v in pairs):
                choices = {k.value: v.value for k, v in pairs}
    return choices


def test_a_rubric_does_not_give_away_the_graded_answer_it_follows(source_nb):
    """A graded answer that is a table of choices (02's METRIC_CHOICE) comes
    with a written question and its rubric, which the release shows: the
    rubric's points may not pair a choice's key with its value (it did, for
    every scenario, and the hidden test's points were there to copy)."""
    cells = source_nb.cells
    for i, cell in enumerate(cells):
        choices = _graded_choices(cell) if cell.cell_type == "code" and nbs.is_solution(cell) else {}
        following = []
        for later in cells[i + 1:]:
            if later.cell_type == "code" and nbs.is_solution(later):
                break
            if _course_role(later).get("role") == "rubric":
                following.append(later)
        for rubric in following if choices else ():
            for line in rubric.source.lower().splitlines():
                for key, value in choices.items():
                    said = {key.lower(), key.lower().replace("_", " ")}
                    named = {value.lower(), value.lower().replace("_", "-"), value.lower().replace("_", " ")}
                    assert not (any(k in line for k in said) and any(v in line for v in named)), \
                        f"{nbs.grade_id(cell)}: the rubric pairs {key} with its answer {value}: {line[:120]}"


def _from_imports(source):
    """(module, name, the name it is bound to) of each `from module import name`
    at the top level of a cell."""
    return {(node.module, alias.name, alias.asname or alias.name)
            for node in ast.parse(nbs.without_delimiters(source)).body if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def _defined_in_globals(source, given=frozenset()):
    """The names a test cell's top-level statements bind (deleted at its end or
    not: they are bound while the cell calls the learner's code). Imports of
    modules aside, and imports of names that `given`, the notebook's own code
    cells' _from_imports, makes the same way: the learner has those already."""
    bound = []
    for node in ast.parse(nbs.without_delimiters(source)).body:
        if isinstance(node, ast.Import):
            continue
        if isinstance(node, ast.ImportFrom):
            bound += [alias.asname or alias.name for alias in node.names
                      if (node.module, alias.name, alias.asname or alias.name) not in given]
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.append(node.name)
            continue
        # assignments, loops, with-blocks at the top level; not what the functions they hold bind
        stack = [node]
        while stack:
            part = stack.pop()
            if isinstance(part, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                                 ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                continue
            if isinstance(part, ast.Name) and isinstance(part.ctx, ast.Store):
                bound.append(part.id)
            stack.extend(reversed(list(ast.iter_child_nodes(part))))  # in the source's order
    return list(dict.fromkeys(bound))


# What a test cell may define in the notebook's globals besides those imports:
# its _check_...() functions and the NumPy-only rule's checker, whose names the
# learner sees in the visible test, and names that start with _test (any case).
TEST_CELL_GLOBALS = re.compile(r"_check_\w+|_numpy_only|(?i:_test)\w*")


def test_test_cells_define_no_global_a_learner_could_have_named(source_nb):
    """A test cell runs in the learner's globals, so a helper it defines at the
    top level (`_columns`, `_objective`, `_scores`) replaces the learner's own
    helper of that name, and a correct graded function that calls it fails
    (0/7, 5/9 and 1/9 for three correct answers in 04, 2026-12-07); so does a
    library function it imports (scikit-learn's `confusion_matrix` over a
    learner's own, 12/21 in 02). A test cell's helpers and imports live inside
    its `_check_...()` function."""
    given = set()
    for cell in source_nb.cells:
        if cell.cell_type == "code" and not nbs.is_test(cell) and not nbs.is_solution(cell):
            given |= _from_imports(cell.source)
    defined = {nbs.grade_id(cell): [name for name in _defined_in_globals(cell.source, given)
                                    if not TEST_CELL_GLOBALS.fullmatch(name)]
               for cell in source_nb.cells if nbs.is_test(cell)}
    defined = {grade_id: names for grade_id, names in defined.items() if names}
    assert not defined, (f"test cells define {defined} in the notebook's globals, where they replace a "
                         "learner's helpers of the same name: define them inside the cell's _check_...() function")


BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))


def _bound(node):
    """Every name a piece of code binds (assignments, arguments, imports, definitions, handlers)."""
    out = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Name) and isinstance(part.ctx, (ast.Store, ast.Del)):
            out.add(part.id)
        elif isinstance(part, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(part.name)
        elif isinstance(part, ast.arg):
            out.add(part.arg)
        elif isinstance(part, ast.alias):
            out.add((part.asname or part.name).split(".")[0])
        elif isinstance(part, ast.ExceptHandler) and part.name:
            out.add(part.name)
    return out


def _builtins_read(nodes):
    return {part.id for node in nodes for part in ast.walk(node)
            if isinstance(part, ast.Name) and isinstance(part.ctx, ast.Load) and part.id in BUILTINS}


def _builtins_from_globals(source):
    """The built-ins a test cell's code looks up in the notebook's globals,
    where a learner's variable of that name would stand in for them: a
    top-level function's that it does not bind itself, a class's that its
    body does not bind, a method's (the checker calls them through self),
    and the top-level statements' own."""
    found = set()
    for node in ast.parse(nbs.without_delimiters(source)).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found |= _builtins_read([node]) - _bound(node)
        elif isinstance(node, ast.ClassDef):
            methods = [item for item in node.body if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))]
            rest = [item for item in node.body if item not in methods]
            class_bound = _bound(ast.Module(body=rest, type_ignores=[]))
            found |= _builtins_read(rest + [d for m in methods for d in m.decorator_list]) - class_bound
            for method in methods:
                found |= _builtins_read(method.body + [method.args]) - _bound(method)
        elif not isinstance(node, (ast.Import, ast.ImportFrom)):
            found |= _builtins_read([node])
    return found


def test_test_cells_use_python_builtins_a_learner_cannot_rename(source_nb):
    """A learner's variable named like a built-in (`type = "binary"` in an
    answer cell) hid Python's own from the test code: a correct 02 scored
    2 of 21, and a learner who defined `tuple` and `isinstance` of their own
    passed test_confusion_counts with a wrong answer (2026-12-07). Test code
    imports the built-ins it uses (CONTRIBUTING.md)."""
    found = {nbs.grade_id(cell): sorted(_builtins_from_globals(cell.source))
             for cell in source_nb.cells if nbs.is_test(cell)}
    found = {grade_id: names for grade_id, names in found.items() if names}
    assert not found, (f"test code looks up built-ins in the notebook's globals, where a learner's variable of "
                       f"that name stands in for them: {found}; import them (`from builtins import ...`)")


def test_builtins_a_test_cell_leaves_to_the_notebook_are_found():
    """The check itself: a function binding its own, one that does not, a
    class whose body binds them and whose method uses self, and the same
    class with a method calling one by name."""
    own = "def _check_a():\n    from builtins import len\n    def inner(x):\n        return len(x)\n    return inner\n"
    theirs = "def _check_b():\n    return sorted([2, 1]) + [abs(-1)]\n"
    checker = ("class _numpy_only:\n    from builtins import staticmethod, type\n"
               "    @staticmethod\n    def _p(x):\n        return x\n"
               "    def _q(self, x):\n        return self.type(x)\n")
    assert _builtins_from_globals(own) == set()
    assert _builtins_from_globals(theirs) == {"sorted", "abs"}
    assert _builtins_from_globals(checker) == set()
    assert _builtins_from_globals(checker.replace("self.type(x)", "type(x)")) == {"type"}
    assert _builtins_from_globals(checker.replace("staticmethod, type", "type")) == {"staticmethod"}
    assert _builtins_from_globals("with _numpy_only('f'):\n    _check_a(len)\n") == {"len"}


def test_a_test_cells_global_names_are_found():
    """The check itself, on a cell with each kind of top-level binding."""
    source = ("import numpy as np\nimport sys as _sys\nfrom math import pi, tau\n"
              "from sklearn.metrics import f1_score\n_rng = np.random.default_rng(0)\n"
              "def _helper(x):\n    inner = x\n    return inner\nclass _Model:\n    pass\n"
              "for _i in range(2):\n    _j = [_k for _k in range(_i)]\n"
              "def _check_x():\n    _local = 1\n_check_x()\ndel _check_x\n"
              "def _test_reference():\n    pass\n")
    given = _from_imports("import numpy as np\nfrom math import pi\nfrom math import e as tau\n")
    assert given == {("math", "pi", "pi"), ("math", "e", "tau")}
    defined = _defined_in_globals(source, given)
    assert defined == ["tau", "f1_score", "_rng", "_helper", "_Model", "_i", "_j", "_check_x", "_test_reference"]
    assert [name for name in defined if not TEST_CELL_GLOBALS.fullmatch(name)] == [
        "tau", "f1_score", "_rng", "_helper", "_Model", "_i", "_j"]
