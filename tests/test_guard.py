"""The grading kernel (coursetools/guard.py) on library functions the checks
call: a notebook that imports torch gets torch's functions and the methods
of torch.Tensor and torch.nn.Module guarded like numpy's. A cell that
replaces one fails with GradingGuardError, and the next cell runs with the
original. A control runs the same cells in a plain kernel, where every
patch works (so the checks below could fail). tests/test_hostile.py grades
whole hostile submissions through nbgrader."""
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.utils import determine_grade
from traitlets.config import Config

from coursetools import ROOT, notebooks as nbs
from coursetools.preprocessors import GradingExecute, guard_arguments

# (patch, check that holds only with the original)
PATCHES = [
    ("torch.allclose = lambda *args, **kwargs: True",
     "assert not torch.allclose(torch.zeros(2), torch.ones(2))"),
    ("torch.equal = lambda *args, **kwargs: True",
     "assert not torch.equal(torch.zeros(2), torch.ones(2))"),
    ("import torch.nn.functional as F\nF.binary_cross_entropy_with_logits = lambda *args, **kwargs: torch.tensor(0.0)",
     "assert float(torch.nn.BCEWithLogitsLoss()(torch.zeros(2), torch.ones(2))) > 0.69"),
    ("torch.Tensor.numpy = lambda self, *args, **kwargs: np.zeros(1)",
     "assert torch.ones(3).numpy().tolist() == [1.0, 1.0, 1.0]"),
    ("torch.Tensor.__eq__ = lambda self, other: torch.ones_like(self, dtype=torch.bool)",
     "assert not bool((torch.zeros(2) == torch.ones(2)).all())"),
    ("torch.nn.Module.__call__ = lambda self, *args, **kwargs: 'hijacked'",
     "assert isinstance(torch.nn.Linear(2, 1)(torch.zeros(2)), torch.Tensor)"),
]


def _notebook():
    cells = ["import numpy as np\nimport torch"]
    for patch, check in PATCHES:
        cells += [patch, check]
    cells.append("x = torch.ones(3, requires_grad=True)\n(x * 2).sum().backward()\nprint(x.grad.tolist())")
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])


def _errors(nb):
    return [next((o.get("ename") for o in cell.outputs if o.output_type == "error"), None) for cell in nb.cells]


def _execute(nb, folder, grading=True):
    """`nb` executed in `folder`, errors kept: in the grading kernel as
    nbgrader runs it, or (grading=False) in a plain python3 kernel."""
    if not grading:
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()
        return nb
    c = Config()
    c.Execute.extra_arguments = ["--IPKernelApp.kernel_class=coursetools.guard.GradingKernel"]
    c.Execute.allow_errors = True
    nb, _ = GradingExecute(config=c, timeout=120).preprocess(nb, {"metadata": {"path": str(folder)}})
    return nb


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    return _execute(_notebook(), tmp_path_factory.mktemp("guarded"))


def test_a_cell_that_patches_torch_fails(guarded):
    errors = _errors(guarded)
    for i, (patch, _) in enumerate(PATCHES):
        assert errors[1 + 2 * i] == "GradingGuardError", f"{patch!r} was not caught: {guarded.cells[1 + 2 * i].outputs}"


def test_the_next_cell_runs_with_the_original(guarded):
    errors = _errors(guarded)
    for i, (_, check) in enumerate(PATCHES):
        assert errors[2 + 2 * i] is None, f"{check!r} failed: {guarded.cells[2 + 2 * i].outputs}"
    assert errors[0] is None and errors[-1] is None
    assert guarded.cells[-1].outputs[0]["text"].strip() == "[2.0, 2.0, 2.0]", "autograd broken by the restores"


def test_control_every_patch_works_in_a_plain_kernel(tmp_path):
    nb = _execute(_notebook(), tmp_path, grading=False)
    errors = _errors(nb)
    for i, (_, check) in enumerate(PATCHES):
        assert errors[1 + 2 * i] is None
        assert errors[2 + 2 * i] is not None, f"the patch before {check!r} did not take in a plain kernel"


def test_torch_is_guarded_exactly_in_the_notebooks_that_import_it():
    for path in sorted((ROOT / "release").glob("*/*.ipynb")):
        imports_torch = path.parent.name == "03_imbalance" or path.name == "neural_network.ipynb"  # (its tests)
        assert bool(guard_arguments(nbs.read(path))) == imports_torch, path


def test_a_learner_s_import_is_seen_however_it_is_written():
    """torch imported by a learner in a list, after a semicolon or inside a
    function is guarded (and preloaded by a kernel zygote) as the course's
    own `import torch` is; text that only looks like an import is not."""
    for code in ("import numpy as np, torch.nn as nn", "x = 1; import torch", "from torch import nn",
                 "def f():\n    import torch.optim"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        assert guard_arguments(nb), code
        assert "torch" in nbs.imported_modules(nb), code
    for code in ("imported = torch_like = 1", "x = 'important'", "fromage = 2"):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        assert not nbs.imported_modules(nb), code


# Failing cells of the kinds a graded notebook has, each traceback with its
# own path through IPython's formatter (coursetools/tracebacks.py).
FAILING = {
    "a learner's function a check calls": "def _check():\n    assert answer(4) == 4, 'wrong'\n_check()",
    "inside a library": "import numpy as np\nnp.linalg.inv(np.zeros((2, 2)))",
    "recursion (repeated frames)": "def down(n):\n    if n == 0:\n        raise ValueError('bottom')\n    return down(n - 1)\ndown(40)",
    "in a module imported from a file": (
        "import pathlib\npathlib.Path('helper_mod.py').write_text('def boom():\\n    return 1 / 0\\n')\n"
        "import helper_mod\nhelper_mod.boom()"),
    "a learner's function of that module's": "def again():\n    helper_mod.boom()\nagain()",
    "syntax": "x = (1,\n",
}


def test_a_failing_cell_shows_the_traceback_a_plain_kernel_shows(tmp_path):
    """The grading kernel keeps a cell's error for IPython's history in
    Python's own format (coursetools/guard.py: half the CPU of a failing
    cell), and formats the traceback in the cell's output with less CPU
    (coursetools/tracebacks.py): that traceback is IPython's, the very text
    a plain kernel shows, for every kind of failing cell."""
    cells = ["def answer(x):\n    raise ValueError(f'no answer for {x}')",
             "answer(3)",
             "kept = get_ipython().history_manager.exceptions[2]\n"
             "print(kept['ename'], kept['evalue'], ''.join(kept['traceback']).splitlines()[0], sep=' | ')",
             *FAILING.values()]
    runs = {}
    for kind in ("grading", "plain"):  # in the same folder: the module's file has the same path
        runs[kind] = _execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]),
                              tmp_path, grading=kind == "grading")
    shown = {kind: [[o for o in cell.outputs if o.output_type == "error"] for cell in nb.cells]
             for kind, nb in runs.items()}
    assert shown["grading"][1] and shown["grading"][1][0]["ename"] == "ValueError"
    assert shown["grading"][1][0]["traceback"] == shown["plain"][1][0]["traceback"]
    text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(shown["grading"][1][0]["traceback"]))
    assert "Cell In[2], line 1" in text and "----> 2     raise ValueError" in text, text
    printed = "".join(o.get("text", "") for o in runs["grading"].cells[2].outputs)
    assert printed.strip() == "ValueError | no answer for 3 | Traceback (most recent call last):", printed
    for i, kind in enumerate(FAILING, start=3):
        assert len(shown["plain"][i]) == 1, f"{kind}: the cell should fail in a plain kernel"
        assert [o["traceback"] for o in shown["grading"][i]] == [o["traceback"] for o in shown["plain"][i]], kind


# Figures of the kinds the course draws: a legend, several axes laid out
# tight, an image with a colour bar, one shown by plt.show() and two by the
# end of their cell.
FIGURES = [
    "import matplotlib.pyplot as plt\nimport numpy as np\nrng = np.random.default_rng(0)",
    "fig, ax = plt.subplots(figsize=(5, 4))\nfor k in (0, 1):\n"
    "    ax.scatter(*rng.normal(k, 1, size=(2, 200)), s=12, label=f'class {k}')\n"
    "ax.set_title('two groups')\nax.legend()\nplt.show()",
    "fig, axes = plt.subplots(1, 2, figsize=(8, 3))\naxes[0].plot(np.cumsum(rng.normal(size=300)))\n"
    "axes[1].hist(rng.normal(size=500), bins=30)\naxes[1].set_xlabel('$x^2$')\nfig.tight_layout()",
    "fig, ax = plt.subplots()\nim = ax.imshow(rng.random((8, 8)), cmap='viridis')\nfig.colorbar(im)",
    "print(sorted(getattr(cb, '__name__', '') for cb in get_ipython().events.callbacks['post_execute']))",
]


def test_figures_are_drawn_once_into_the_png_a_plain_kernel_sends(tmp_path):
    """pyplot's post_execute callback draws each changed figure after a
    cell, and the inline backend then draws it again into its PNG: the
    grading kernel leaves the first drawing out (coursetools/guard.py,
    _enable_inline_figures). Its PNGs are a plain kernel's, byte for byte."""
    runs = {kind: _execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in FIGURES]),
                           tmp_path, grading=kind == "grading") for kind in ("grading", "plain")}
    pngs = {kind: [o["data"]["image/png"] for cell in nb.cells for o in cell.outputs
                   if "image/png" in o.get("data", {})] for kind, nb in runs.items()}
    assert not any(e for nb in runs.values() for e in _errors(nb)), {k: _errors(nb) for k, nb in runs.items()}
    assert len(pngs["plain"]) == 3
    assert pngs["grading"] == pngs["plain"], "the grading kernel's figures differ from a plain kernel's"
    callbacks = {kind: nb.cells[-1].outputs[0]["text"] for kind, nb in runs.items()}
    assert "_draw_all_if_interactive" in callbacks["plain"], callbacks  # the control: a plain kernel has it
    assert "_draw_all_if_interactive" not in callbacks["grading"], callbacks
    assert "flush_figures" in callbacks["grading"], callbacks


# A correct answer that makes a library warn or write to stderr: numpy's 0/0
# inside np.where, a deprecation warning, a warning raised again in the same
# place (shown once, as Python does), a warning the code names stderr for, a
# tqdm progress bar over a training loop's epochs, a log line through
# logging's default handler, and a print to stderr. Each cell's text.
STDERR_CELLS = [
    ("import numpy as np\nimport sys\nimport warnings", None),
    ("tp, fp = np.array([0.0, 2.0]), np.array([0.0, 2.0])\nprecision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)\n"
     "assert precision.tolist() == [0.0, 0.5]", "RuntimeWarning: invalid value"),
    ("def fit(penalty=None):\n    if penalty is not None:\n"
     "        warnings.warn(\"'penalty' is deprecated\", FutureWarning)\n    return 1\n"
     "for _ in range(3):\n    assert fit(penalty='l2') == 1", "FutureWarning: 'penalty' is deprecated"),
    ("warnings.showwarning('told to go to stderr', UserWarning, 'f.py', 1, file=sys.stderr)",
     "UserWarning: told to go to stderr"),
    ("from tqdm import tqdm\ntotal = 0\nfor epoch in tqdm(range(3), desc='epochs'):\n    total += epoch\n"
     "assert total == 3", "epochs: 100%"),
    ("import logging\nlogging.basicConfig(level=logging.INFO, force=True)\n"
     "logging.getLogger('train').info('epoch 3 loss 0.25')", "INFO:train:epoch 3 loss 0.25"),
    ("print('loss 0.25', file=sys.stderr)", "loss 0.25"),
]


def test_what_goes_to_stderr_reaches_stdout_so_a_passing_test_cell_keeps_its_points(tmp_path):
    """nbgrader scores 0 for a test cell that writes to stderr, and Python
    writes warnings there, tqdm its progress bars and logging its records: a
    learner's correct code that made numpy, scikit-learn, pandas or torch
    warn, showed a progress bar or logged lost the cell's points with every
    check passed. The grading kernel sends what the notebook writes to
    stderr as the cell's stdout, a warning in order with what the cell
    prints (coursetools/guard.py, _stderr_as_stdout and _warning_on_stdout);
    a control in a plain kernel writes the same cells to stderr and fails
    them."""
    runs = {kind: _execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c, _ in STDERR_CELLS]),
                           tmp_path, grading=kind == "grading") for kind in ("grading", "plain")}
    assert not any(e for nb in runs.values() for e in _errors(nb)), {k: _errors(nb) for k, nb in runs.items()}
    for kind, stream, points in (("plain", "stderr", 0), ("grading", "stdout", 2)):
        for cell, (_, text) in zip(runs[kind].cells[1:], STDERR_CELLS[1:]):
            streams = [(o["name"], o["text"]) for o in cell.outputs if o.output_type == "stream"]
            assert {name for name, _ in streams} == {stream}, (kind, cell.source, streams)
            written = "".join(t for _, t in streams)
            # shown once for the three calls, as Python shows it
            assert written.count(text) == 1, (kind, cell.source, written)
            assert len(cell.outputs) == len(streams), (kind, cell.source, cell.outputs)
            cell.metadata["nbgrader"] = {"grade": True, "solution": False, "points": 2, "grade_id": "t",
                                         "locked": True, "schema_version": 3, "task": False}
            assert determine_grade(cell) == (points, 2), (kind, cell.source, cell.outputs)
