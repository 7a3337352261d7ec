"""coursetools/ stays a thin layer a newcomer can find their way in: every
module says its one role in its docstring, and the modules import one
another without a cycle, counting the imports made inside functions (an
import moved into a function hides a cycle from Python, not from a reader).
"""
import ast

from conftest import ROOT

PACKAGE = ROOT / "coursetools"


def _imports(path, modules):
    """Which of `modules` (coursetools modules) the module at `path` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            inside = node.level == 1 or (node.level == 0 and (node.module or "").split(".")[0] == "coursetools")
            if not inside:
                continue
            parts = (node.module or "").split(".")[1 if node.level == 0 else 0:]
            if parts and parts[0]:
                found.add(parts[0])
            else:  # from . import a, b
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names
                         if alias.name.startswith("coursetools."))
    return found & modules


def import_graph():
    """module -> the coursetools modules it imports."""
    paths = [p for p in sorted(PACKAGE.glob("*.py")) if p.stem != "__init__"]
    modules = {p.stem for p in paths}
    return {p.stem: _imports(p, modules) for p in paths}


def cycles(graph):
    """Every import cycle of `graph`, each as the list of its modules (first one repeated at the end)."""
    found, done = [], set()

    def visit(module, path):
        for other in sorted(graph.get(module, ())):
            if other in path:
                cycle = path[path.index(other):] + [other]
                if frozenset(cycle) not in done:
                    done.add(frozenset(cycle))
                    found.append(cycle)
            else:
                visit(other, path + [other])

    for module in sorted(graph):
        visit(module, [module])
    return found


def test_cycles_are_found_in_function_level_imports_too(tmp_path):
    """The check itself: a cycle closed by an import inside a function counts."""
    (tmp_path / "a.py").write_text("from . import b\n")
    (tmp_path / "b.py").write_text("import os\n\n\ndef f():\n    from . import a\n    from coursetools.c import g\n"
                                   "    import coursetools.d\n    from .e.f import h\n    from numpy import b\n")
    modules = {"a", "b", "c", "d", "e"}
    graph = {p.stem: _imports(p, modules) for p in (tmp_path / "a.py", tmp_path / "b.py")}
    assert graph == {"a": {"b"}, "b": {"a", "c", "d", "e"}}
    assert cycles(graph) == [["a", "b", "a"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_coursetools_modules_import_one_another_without_a_cycle():
    graph = import_graph()
    assert graph["check"] >= {"grading", "parallel"}, "the import graph was not read (check.py grades on Dask)"
    found = cycles(graph)
    assert not found, "import cycles among coursetools modules: " + "; ".join(" -> ".join(c) for c in found)


def test_every_coursetools_module_says_its_role():
    missing = [p.name for p in sorted(PACKAGE.glob("*.py"))
               if not (ast.get_docstring(ast.parse(p.read_text())) or "").strip()]
    assert not missing, f"modules without a docstring saying what they are for: {missing}"
