"""Reading nbgrader notebooks: cell roles, solutions and hidden tests."""
import ast
import re

import nbformat

BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
DELIMITERS = (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)


def read(path):
    return nbformat.read(str(path), as_version=4)


def meta(cell):
    """The cell's nbgrader metadata ({} for a plain cell)."""
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_solution(cell):
    return bool(meta(cell).get("solution"))


def is_grade(cell):
    return bool(meta(cell).get("grade"))


def is_test(cell):
    """An autograded test cell: a graded code cell that is not an answer."""
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def grade_id(cell):
    return meta(cell).get("grade_id")


def _regions(source, begin, end):
    """(inside, outside) lines of a cell split by begin/end delimiter lines."""
    inside, outside, active = [], [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == begin:
            active = True
        elif stripped == end:
            active = False
        elif active:
            inside.append(line)
        else:
            outside.append(line)
    return inside, outside


def without_delimiters(source):
    """The source as the reference learner would hand it in: delimiter lines dropped,
    the code between them kept (solution code and hidden tests alike)."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in DELIMITERS)


def hidden_lines(nb):
    """Every line of solution code and hidden tests in a source notebook."""
    lines = []
    for cell in nb.cells:
        for begin, end in ((BEGIN_SOLUTION, END_SOLUTION), (BEGIN_HIDDEN, END_HIDDEN)):
            lines += _regions(cell.source, begin, end)[0]
        if cell.cell_type == "markdown" and is_solution(cell):
            lines += cell.source.splitlines()
    return lines


def hidden_test_lines(nb):
    """The lines of the hidden tests of a source notebook."""
    lines = []
    for cell in nb.cells:
        lines += _regions(cell.source, BEGIN_HIDDEN, END_HIDDEN)[0]
    return lines


def public_lines(nb):
    """Lines a learner is meant to see: everything outside hidden regions."""
    lines = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and is_solution(cell):
            continue
        text = cell.source
        for begin, end in ((BEGIN_SOLUTION, END_SOLUTION), (BEGIN_HIDDEN, END_HIDDEN)):
            text = "\n".join(_regions(text, begin, end)[1])
        lines += text.splitlines()
    return lines


def distinctive(lines, public):
    """Hidden lines worth searching for: long enough to be specific, and not
    shown to the learner anyway (as a line, or inside a line, e.g. as inline
    code in the instructions)."""
    public_text = "\n".join(line.strip() for line in public)
    out = []
    for line in lines:
        s = line.strip()
        if len(s) >= 16 and s not in public_text and not s.startswith("#"):
            out.append(s)
    return sorted(set(out))


def defined_names(source):
    """Top-level names a code cell defines (functions, classes, simple assignments)."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


def imported_modules(nb):
    """Top-level names of the modules a notebook's code cells import
    (`import torch.nn`, `from torch import nn`: torch; `import numpy as np,
    torch`: numpy and torch), read from each import statement that begins a
    line or follows a semicolon (a regular expression: the ast module would
    take 10-25 ms a notebook, twice for each notebook graded)."""
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    names = set()
    for m in _IMPORT.finditer(code):
        if m.group(1):  # from x import ...
            names.add(m.group(1))
        else:  # import x.y as z, w
            names |= {part.split()[0].partition(".")[0] for part in m.group(2).split(",")}
    return names


_NAME = r"[A-Za-z_]\w*(?:\.\w+)*"
_IMPORT = re.compile(rf"(?:^|;)[ \t]*(?:from[ \t]+(\w+)|import[ \t]+({_NAME}(?:[ \t]+as[ \t]+\w+)?"
                     rf"(?:[ \t]*,[ \t]*{_NAME}(?:[ \t]+as[ \t]+\w+)?)*))", re.M)


def graded_names(nb):
    """Public names defined in the answer cells of a source notebook."""
    names = []
    for cell in nb.cells:
        if cell.cell_type == "code" and is_solution(cell):
            names += [n for n in defined_names(without_delimiters(cell.source))
                      if not n.startswith("_")]
    return names


def delimiter_problems(cell):
    """Delimiters that do not stand alone on their line, or are unbalanced."""
    problems = []
    for line in cell.source.splitlines():
        for d in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            if re.search(r"\b" + d + r"\b", line) and line.strip() != "### " + d:
                problems.append(f"delimiter not alone on its line: {line.strip()!r}")
    for begin, end in ((BEGIN_SOLUTION, END_SOLUTION), (BEGIN_HIDDEN, END_HIDDEN)):
        depth = 0
        for line in cell.source.splitlines():
            if line.strip() == begin:
                depth += 1
                if depth > 1:
                    problems.append(f"nested {begin}")
            elif line.strip() == end:
                depth -= 1
                if depth < 0:
                    problems.append(f"{end} without {begin}")
        if depth > 0:
            problems.append(f"{begin} without {end}")
    return problems


def title_line(nb):
    """(cell, line number) of the notebook's title: its first level-1 heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for i, line in enumerate(cell.source.splitlines()):
                if line.startswith("# "):
                    return cell, i
    raise ValueError("notebook has no '# ' title heading")


def title_of(nb):
    """The notebook's title: its first level-1 heading's text."""
    cell, i = title_line(nb)
    return cell.source.splitlines()[i][2:].strip()


def header_length(nb, header):
    """How many of the notebook's first cells are the header notebook's
    cells (source/header.ipynb, which nbgrader puts at the top of every
    released notebook: how to hand in, and the learner's name)."""
    count = 0
    for cell, head in zip(nb.cells, header.cells):
        if cell.source != head.source:
            break
        count += 1
    return count
