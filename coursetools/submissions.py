"""Building submissions from the source: the reference learner, the untouched
release, and learners with one realistic mistake each (`variants/`)."""
import ast
import copy
import shutil
import textwrap
from pathlib import Path

import nbformat

from . import ROOT, source_notebooks, notebooks as nbs


def reference(release_nb, source_nb):
    """The release notebook with every answer cell filled in from the source."""
    answers = {nbs.grade_id(c): c for c in source_nb.cells if nbs.is_solution(c)}
    nb = copy.deepcopy(release_nb)
    for cell in nb.cells:
        if nbs.is_solution(cell):
            cell.source = nbs.without_delimiters(answers[nbs.grade_id(cell)].source)
    return nb


def _spans(tree):
    """name -> (first line, last line) of each top-level definition, 1-based."""
    spans = {}
    for node in tree.body:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        for name in nbs.defined_names(ast.unparse(node)):
            spans[name] = (first, node.end_lineno)
    return spans


def overrides_reference(node):
    """Whether top-level statement `node` of a variant is `class Name(Name):`,
    a subclass of the reference's class of the same name."""
    return isinstance(node, ast.ClassDef) and any(isinstance(base, ast.Name) and base.id == node.name
                                                  for base in node.bases)


EDITS = "EDITS"


def _variant_edits(variant):
    """The EDITS of a parsed variant ({top-level name: [(old lines, new
    lines)]}), or {}."""
    for node in variant.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [EDITS]:
            return ast.literal_eval(node.value)
    return {}


def _block(text):
    """The lines of an EDITS block: a one-line string, or an indented
    triple-quoted one whose first and last newlines are layout."""
    text = textwrap.dedent(text).strip("\n")
    return text.splitlines() if text.strip() else []


def edit_definition(source, name, edits):
    """`source` (an answer cell) with lines of its top-level definition `name`
    changed: each (old, new) of `edits` replaces the lines `old`, which must
    stand exactly once in that definition (compared line by line, at any
    indentation), with the lines `new` at the same indentation ("" deletes)."""
    lines = source.splitlines()
    first, last = _spans(ast.parse(source))[name]
    for old, new in edits:
        old_lines, new_lines = _block(old), _block(new)
        if not old_lines or old_lines == new_lines:
            raise ValueError(f"EDITS of {name}: {old!r} -> {new!r} changes nothing")
        hits = []
        for i in range(first - 1, last - len(old_lines) + 1):
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
            if all(lines[i + k].rstrip() == (indent + o).rstrip() if o.strip() else not lines[i + k].strip()
                   for k, o in enumerate(old_lines)):
                hits.append((i, indent))
        if len(hits) != 1:
            raise ValueError(f"EDITS of {name}: the lines {old!r} stand {len(hits)} times in the "
                             f"reference's {name}, not once")
        i, indent = hits[0]
        lines[i:i + len(old_lines)] = [indent + n if n.strip() else "" for n in new_lines]
        last += len(new_lines) - len(old_lines)
    return "\n".join(lines)


def apply_variant(nb, variant_code):
    """The reference notebook `nb` as the variant's learner wrote it. Returns
    a new notebook. In its answer cells:

    - each top-level definition that `variant_code` redefines is replaced (a
      class that subclasses its own name, `class Net(Net):`, is added after
      the reference's instead); the variant's imports and helpers that match
      no answer go to the top of the first answer cell it changes;
    - `EDITS = {name: [(old, new), ...]}` changes lines inside the
      reference's own definition of `name` (edit_definition): a mistake in a
      long function shown as the lines that differ, not as a copy."""
    nb = copy.deepcopy(nb)
    variant = ast.parse(variant_code)
    edits = _variant_edits(variant)
    lines = variant_code.splitlines()
    pieces = {}
    for name, (a, b) in _spans(variant).items():
        if name != EDITS:
            pieces[name] = "\n".join(lines[a - 1:b])
    # `class Name(Name):` overrides a method or two of the reference's Name:
    # it goes right after the reference's class instead of replacing it.
    subclasses = {node.name for node in variant.body if overrides_reference(node)}
    replaced, edited = set(), set()
    first_cell = None
    for cell in nb.cells:
        if not (cell.cell_type == "code" and nbs.is_solution(cell)):
            continue
        spans = _spans(ast.parse(cell.source))
        here = [n for n in edits if n in spans]
        for name in here:
            cell.source = edit_definition(cell.source, name, edits[name])
            edited.add(name)
        if here:  # the edits moved the definitions' lines
            spans = _spans(ast.parse(cell.source))
        hits = sorted((spans[n], n) for n in pieces if n in spans)
        if here or hits:
            first_cell = first_cell or cell
        if not hits:
            continue
        src = cell.source.splitlines()
        for (a, b), name in reversed(hits):  # bottom-up keeps line numbers valid
            if name in subclasses:
                src[b:b] = [""] + pieces[name].splitlines()
            else:
                src[a - 1:b] = pieces[name].splitlines()
            replaced.add(name)
        cell.source = "\n".join(src)
    if set(edits) - edited:
        raise ValueError(f"EDITS name {sorted(set(edits) - edited)}, defined in no answer cell")
    if not replaced and not edited:
        raise ValueError("the variant redefines no name of any answer cell")
    extras = [pieces[n] for n in pieces if n not in replaced]
    imports = [ast.get_source_segment(variant_code, node) for node in variant.body
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    extras = imports + extras
    if extras:
        first_cell.source = "\n\n".join(extras) + "\n\n" + first_cell.source
    return nb


# Hostile answers: every graded answer of the reference gives back a result
# of the same structure (tuple, list, dict, array, scalar, str) with wrong
# values: NaN for floats, one more for ints, a "?" more for strings. Learners
# "wrong-values" get plain wrong values; learners "equal-to-anything" get the
# same values wrapped in types whose ==, != and comparisons always say yes.
# A hidden test that compares the learner's object as it is
# (`result == expected`) instead of converting it first (`float(result)`,
# `np.asarray(result, dtype=float)`) passes for the second and not the first.
WRONG_VALUES, EQUAL_TO_ANYTHING = "wrong-values", "equal-to-anything"

_HOSTILE_HELPERS = '''
import numpy as _np
_HOSTILE_EQ = {eq}


def _yes(self, other):
    return True


def _no(self, other):
    return False


class _EqFloat(float):
    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = _yes
    __ne__ = _no
    __hash__ = float.__hash__


class _EqInt(int):
    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = _yes
    __ne__ = _no
    __hash__ = int.__hash__


class _EqStr(str):
    __eq__ = _yes
    __ne__ = _no
    __hash__ = str.__hash__


class _EqArray(_np.ndarray):
    def __eq__(self, other):
        return _np.ones(_np.broadcast(_np.asarray(self), other).shape, dtype=bool)

    def __ne__(self, other):
        return _np.zeros(_np.broadcast(_np.asarray(self), other).shape, dtype=bool)

    __hash__ = None


class _EqAnything(float):
    """Anything else: equal to everything, itself from any attribute or call."""
    def __new__(cls):
        return super().__new__(cls, "nan")
    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = __contains__ = _yes
    __ne__ = _no
    __hash__ = float.__hash__

    def __getattr__(self, name):
        return self

    def __getitem__(self, key):
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __iter__(self):
        # as the plain object() of learner "wrong-values": not iterable.
        # (Without it, __getitem__ makes list() of it an endless loop that
        # holds the cell until its time limit.)
        raise TypeError(f"{{type(self).__name__!r}} object is not iterable")


def _poison(value):
    eq = _HOSTILE_EQ
    if isinstance(value, (bool, _np.bool_)):
        return not value
    if isinstance(value, (int, _np.integer)):
        return (_EqInt if eq else int)(int(value) + 1)
    if isinstance(value, (float, _np.floating)):
        return _EqFloat("nan") if eq else float("nan")
    if isinstance(value, str):
        return (_EqStr if eq else str)(value + "?")
    if isinstance(value, _np.ndarray) and value.dtype.kind in "biuf":
        wrong = value + 1 if value.dtype.kind in "biu" else _np.full_like(value, _np.nan)
        if not eq:
            return wrong
        # an array whose == is rigged, holding elements whose == is rigged
        # too (np.asarray without a dtype keeps them)
        scalar = _EqInt if wrong.dtype.kind in "biu" else _EqFloat
        rigged = _np.empty(wrong.shape, dtype=object)
        rigged.flat[:] = [scalar(v) for v in wrong.flat]
        return rigged.view(_EqArray)
    if isinstance(value, (tuple, list)):
        return type(value)(_poison(v) for v in value)
    if isinstance(value, dict):
        return {{k: _poison(v) for k, v in value.items()}}
    return _EqAnything() if eq else object()


def _hostile_function(function):
    def answer(*args, **kwargs):
        return _poison(function(*args, **kwargs))
    answer.__name__ = function.__name__
    return answer


def _wrap_answer(value, wrap_function):
    """A graded name answered through wrap_function: a class gets a subclass
    whose public methods are wrapped, a function is wrapped, a value poisoned."""
    if isinstance(value, type):
        methods = {{name: wrap_function(member) for name, member in vars(value).items()
                   if callable(member) and not name.startswith("_")}}
        return type(value.__name__, (value,), methods)
    if callable(value):
        return wrap_function(value)
    return _poison(value)


def _hostile(value):
    return _wrap_answer(value, _hostile_function)
'''


# Peeking answers: every graded answer looks, while a check runs, for the
# value the check will compare it with. It computes the reference's result
# (to learn its structure), then searches every calling frame up to the
# notebook's top level, and the notebook's globals (one level into dicts,
# lists and tuples), for a value of the same structure that is not one of
# its arguments: first one equal to the reference's result (the check's
# expected value, computed before the call), then, for arrays, tensors and
# frames, the first of the same shape (labels held next to the inputs, as
# `predict` reading the test's `_y_test`). Objects it returns (fitted
# models, `self`) are proxies whose attributes and methods peek in turn;
# graded classes get peeking methods (a call from one answer to another, as
# `train` calling `self.forward`, gets the real result: only what reaches
# the check peeks). With nothing found it answers the
# wrong values of learner "wrong-values", so a test cell it passes that
# learner "wrong-values" fails is a check whose expected value (or the
# labels of its inputs) could be read while the learner's code ran.
PEEKING = "peeking"

_PEEKING_HELPERS = '''
import sys as _peek_sys


def _peek_kind(value):
    """The structure a check would compare, or None for other objects."""
    if isinstance(value, (bool, _np.bool_)):
        return ("bool",)
    if isinstance(value, (int, _np.integer)):
        return ("int",)
    if isinstance(value, (float, _np.floating)):
        return ("float",)
    if isinstance(value, str):
        return ("str",)
    if isinstance(value, _np.ndarray):
        return ("array", value.shape, value.dtype.kind in "biu")
    kind = type(value).__module__.split(".")[0]
    if kind == "torch" and type(value).__name__ in ("Tensor", "Parameter"):
        return ("array", tuple(value.shape), not value.is_floating_point())
    if kind == "pandas" and hasattr(value, "to_numpy"):
        return ("frame", value.shape)
    if isinstance(value, (tuple, list)) and len(value) <= 64:
        return (type(value).__name__,) + tuple(_peek_kind(v) for v in value)
    if isinstance(value, dict) and len(value) <= 64:
        return ("dict",) + tuple(sorted((repr(k), _peek_kind(v)) for k, v in value.items()))
    return None


def _peek_plain(value):
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    if hasattr(value, "to_numpy"):
        value = value.to_numpy()
    return value


def _peek_same(a, b):
    """a and b hold the same values (structures already match)."""
    try:
        if isinstance(a, (tuple, list)):
            return all(_peek_same(x, y) for x, y in zip(a, b))
        if isinstance(a, dict):
            return all(k in b and _peek_same(a[k], b[k]) for k in a)
        if isinstance(a, str):
            return str.__eq__(str(a), str(b)) is True
        a, b = _np.asarray(_peek_plain(a)), _np.asarray(_peek_plain(b))
        if a.shape != b.shape:
            return False
        if a.dtype.kind in "biuf" and b.dtype.kind in "biuf":
            return bool(_np.allclose(a.astype(float), b.astype(float), equal_nan=True, rtol=1e-7, atol=1e-12))
        return bool(_np.array_equal(a, b))
    except Exception:
        return False


def _peek_spaces():
    """Namespaces of the frames calling the learner's code, innermost
    first, up to the notebook's top level, then the notebook's globals."""
    main = _peek_sys.modules["__main__"].__dict__
    spaces, frame = [], _peek_sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename != _peek_kind.__code__.co_filename:
            spaces.append(frame.f_locals)  # not the peeker's own: they hold the real result
        if frame.f_globals is main and frame.f_code.co_name == "<module>":
            break
        frame = frame.f_back
    spaces.append(main)
    return spaces


def _peek_candidates(kind, args):
    seen = set()
    for space in _peek_spaces():
        for value in reversed(list(space.values())):
            inner = []
            if isinstance(value, dict) and len(value) <= 256:
                inner = list(value.values())
            elif isinstance(value, (tuple, list)) and len(value) <= 256:
                inner = list(value)
            for candidate in [value] + inner:
                if id(candidate) in seen:
                    continue
                seen.add(id(candidate))
                if _peek_kind(candidate) != kind or isinstance(candidate, _PeekObject):
                    continue
                if any(candidate is a or _peek_same(candidate, a) for a in args if _peek_kind(a) == kind):
                    continue
                yield candidate


def _peek_worth(value):
    """Values a search for an equal one can find by chance are not searched:
    ints, bools, strings, round floats, arrays of fewer than 2 values."""
    kind = _peek_kind(value)
    if kind is None or kind[0] in ("bool", "int", "str"):
        return False
    if kind[0] == "float":
        return not float(value).is_integer()
    if kind[0] in ("array", "frame"):
        return _np.prod(kind[1]) >= 2
    return True


def _peek_value(real, args):
    """What the peeking learner answers in place of `real`."""
    kind = _peek_kind(real)
    if kind is None:
        if callable(real) and not isinstance(real, type):
            return _peeking_function(real)
        return _PeekObject(real)
    if _peek_worth(real):
        for candidate in _peek_candidates(kind, args):
            if _peek_same(candidate, real):
                return candidate
    if kind[0] in ("array", "frame"):
        for candidate in _peek_candidates(kind, args):
            return candidate
    if isinstance(real, (tuple, list)):
        return type(real)(_peek_value(v, args) for v in real)
    if isinstance(real, dict):
        return {k: _peek_value(v, args) for k, v in real.items()}
    return _poison(real)


# the cells of the learner's graded answers (_peeking): a call made from one
# of them (a method calling another, a graded function calling a graded
# helper) is the learner's own, and gets the real result; what the search
# finds could only reach a check through the answer it returns, which peeks
_peek_answer_cells = set()


def _peeking_function(function):
    def answer(*args, **kwargs):
        result = function(*args, **kwargs)
        if _peek_sys._getframe(1).f_code.co_filename in _peek_answer_cells:
            return result
        return _peek_value(result, args + tuple(kwargs.values()))
    answer.__name__ = getattr(function, "__name__", "answer")
    return answer


class _PeekObject:
    """An object the learner's code returned: every attribute peeks."""
    def __init__(self, real):
        object.__setattr__(self, "_peek_real", real)

    def __getattr__(self, name):
        return _peek_value(getattr(object.__getattribute__(self, "_peek_real"), name), ())

    def __call__(self, *args, **kwargs):
        return _peeking_function(object.__getattribute__(self, "_peek_real"))(*args, **kwargs)


def _peeking(value):
    for member in vars(value).values() if isinstance(value, type) else [value]:
        if hasattr(member, "__code__"):
            _peek_answer_cells.add(member.__code__.co_filename)
    return _wrap_answer(value, _peeking_function)
'''


def peeking_answers(answered_nb, source_nb):
    """`answered_nb` (the reference) with every graded name of `source_nb`
    made a peeking answer (see PEEKING) after its answer cell."""
    helpers = _HOSTILE_HELPERS.format(eq=False) + _PEEKING_HELPERS
    return wrap_graded_names(answered_nb, source_nb, helpers, "_peeking")


def hostile_answers(answered_nb, source_nb, equal_to_anything):
    """`answered_nb` (the reference) with every graded name of `source_nb`
    made hostile after its answer cell: results of the right structure with
    wrong values, plain or equal to anything (see WRONG_VALUES)."""
    helpers = _HOSTILE_HELPERS.format(eq=bool(equal_to_anything))
    return wrap_graded_names(answered_nb, source_nb, helpers, "_hostile")


def wrap_graded_names(answered_nb, source_nb, helpers, wrapper):
    """A copy of `answered_nb` with the code `helpers` in a new cell before
    the first answer cell, and each graded name of `source_nb` rebound to
    `wrapper(name)` at the end of the answer cell that defines it."""
    nb = copy.deepcopy(answered_nb)
    names = set(nbs.graded_names(source_nb))
    first = None
    for i, cell in enumerate(nb.cells):
        if not (cell.cell_type == "code" and nbs.is_solution(cell)):
            continue
        first = i if first is None else first
        here = [n for n in nbs.defined_names(cell.source) if n in names]
        if here:
            cell.source += "\n\n" + "\n".join(f"{n} = {wrapper}({n})" for n in here)
    nb.cells.insert(first, nbformat.v4.new_code_cell(helpers.strip()))
    return nb


def variant_files(assignment, notebook_stem, root=ROOT):
    folder = Path(root) / "variants" / assignment / notebook_stem
    return sorted(folder.glob("*.py")) if folder.is_dir() else []


def variant_student(path):
    """Student id for a variant file: its stem with '__' made readable."""
    return Path(path).stem.replace("__", "--")


def write_submission(course, student, assignment, notebooks_by_name, extra_files=()):
    """Place notebooks (name -> NotebookNode or None for missing) as
    submitted/<student>/<assignment>/ of the course directory."""
    folder = Path(course) / "submitted" / student / assignment
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, nb in notebooks_by_name.items():
        if nb is not None:
            nbformat.write(nb, str(folder / name))
    for src in extra_files:
        shutil.copy(src, folder)
    (folder / "timestamp.txt").write_text("2026-11-01 12:00:00.000000 UTC")
    return folder


def class_for(course, assignment, root=ROOT, variants=True):
    """Submissions of one assignment for testing: student id -> notebooks.

    'reference' wrote the source solution, 'untouched' handed in the release,
    and each variant file gives one student whose notebook differs from the
    reference only in that file's definitions."""
    release = Path(course) / "release" / assignment
    students = {"reference": {}, "untouched": {}}
    for src_path in source_notebooks(assignment, root):
        rel = nbs.read(release / src_path.name)
        students["reference"][src_path.name] = reference(rel, nbs.read(src_path))
        students["untouched"][src_path.name] = rel
    if variants:
        # A variant student hands in only the notebook the variant changes;
        # check.grade_class grades such students on that notebook alone.
        for src_path in source_notebooks(assignment, root):
            ref = students["reference"][src_path.name]
            for vpath in variant_files(assignment, src_path.stem, root):
                sid = f"{src_path.stem}--{variant_student(vpath)}"
                try:
                    students[sid] = {src_path.name: apply_variant(ref, vpath.read_text())}
                except (SyntaxError, ValueError) as err:
                    raise ValueError(f"variant {vpath}: {err}") from err
            # the same wrong values, plain and equal to anything (hidden
            # tests must not give the second more points than the first)
            for kind, eq in ((WRONG_VALUES, False), (EQUAL_TO_ANYTHING, True)):
                students[f"{src_path.stem}--{kind}"] = {
                    src_path.name: hostile_answers(ref, nbs.read(src_path), eq)}
            students[f"{src_path.stem}--{PEEKING}"] = {
                src_path.name: peeking_answers(ref, nbs.read(src_path))}
    return students
