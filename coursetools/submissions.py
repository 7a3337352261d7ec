"""Building submissions from the source: the reference learner, the untouched
release, and learners with one realistic mistake each (`variants/`)."""
import ast
import copy
import shutil
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


def apply_variant(nb, variant_code):
    """Replace, in the answer cells of `nb`, each top-level definition that
    `variant_code` redefines. The variant's imports and helpers that match no
    answer go just before the first replaced definition. Returns a new notebook."""
    nb = copy.deepcopy(nb)
    variant = ast.parse(variant_code)
    lines = variant_code.splitlines()
    pieces = {}
    for name, (a, b) in _spans(variant).items():
        pieces[name] = "\n".join(lines[a - 1:b])
    replaced, extras = set(), []
    first_cell = None
    for cell in nb.cells:
        if not (cell.cell_type == "code" and nbs.is_solution(cell)):
            continue
        spans = _spans(ast.parse(cell.source))
        hits = sorted((spans[n], n) for n in pieces if n in spans)
        if not hits:
            continue
        first_cell = first_cell or cell
        src = cell.source.splitlines()
        for (a, b), name in reversed(hits):  # bottom-up keeps line numbers valid
            src[a - 1:b] = pieces[name].splitlines()
            replaced.add(name)
        cell.source = "\n".join(src)
    if not replaced:
        raise ValueError("the variant redefines no name of any answer cell")
    extras = [pieces[n] for n in pieces if n not in replaced]
    imports = [ast.get_source_segment(variant_code, node) for node in variant.body
               if isinstance(node, (ast.Import, ast.ImportFrom))]
    extras = imports + extras
    if extras:
        first_cell.source = "\n\n".join(extras) + "\n\n" + first_cell.source
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
        # grading.grade_class grades such students on that notebook alone.
        for src_path in source_notebooks(assignment, root):
            ref = students["reference"][src_path.name]
            for vpath in variant_files(assignment, src_path.stem, root):
                sid = f"{src_path.stem}--{variant_student(vpath)}"
                students[sid] = {src_path.name: apply_variant(ref, vpath.read_text())}
    return students
