"""nbgrader preprocessors the course adds (registered in nbgrader_config.py).

HideHiddenTests: learner feedback that carries verdicts and check messages
only (run by `nbgrader generate_feedback`, see nbgrader_config.py), by the
rules of coursetools/feedback.py.

DeduplicateIds: a learner who copies a graded cell hands in two cells with
one grade id. nbgrader's own DeduplicateIds empties the copy's nbgrader
metadata, which then crashes OverwriteCells (KeyError 'grade_id') and the
whole submission fails to grade. This one drops the metadata key instead,
so the copy becomes an ordinary cell and the original is graded.

OverwriteCells: nbgrader's, putting a deleted graded cell back beside the
cell before it whatever that cell is; nbgrader looks for it among graded
and answer cells only, and failed the whole submission when it was a given
one (a written answer after a given plot).

GradingExecute: nbgrader's Execute in the isolated grading kernel, stopping
a kernel that no longer answers after a timeout (see the class).

LimitOutputSize: every text output cut to a number of characters (nbgrader's
LimitOutput counts lines only).

ReplayExecution: the record stage of parallel autograding, standing in for
the execution with the notebooks a Dask worker executed.

StripSolutionDelimiters: worked solutions without the solution delimiters.

ScoreByChecks: a test cell's points come from its checks, never from a
result the learner's code displays while it runs.

DefuseLearnerHTML: nothing of a learner's runs in the instructor's browser
when formgrader or a feedback page shows the autograded notebook.
"""
import os
import time
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_core.utils import ensure_async
from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbformat.v4 import new_output
from nbgrader import utils as nbgrader_utils
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells as NbgraderOverwriteCells
from traitlets import Integer, List, Unicode, default

from . import defuse, notebooks as nbs, zygote
from .feedback import FeedbackRules, redact_hidden
from .outcomes import PUT_BACK_BLANK
from .sandbox import SandboxedKernelManager

UNRESPONSIVE = "Kernel stopped"


class HideHiddenTests(NbGraderPreprocessor):
    """Feedback with verdicts and check messages only (see module doc)."""

    max_message = Integer(500, help="Characters of a check's message shown in feedback.").tag(config=True)
    # nbconvert configures every preprocessor's display_data_priority
    # (NbConvertBase), which nbgrader's base class declares without the config
    # tag: traitlets warned "not recognized" at every generate_feedback.
    # Declared configurable again, as nbgrader's own GetGrades does.
    display_data_priority = List(NbGraderPreprocessor.class_traits()["display_data_priority"].default()).tag(config=True)

    def preprocess(self, nb, resources):
        rules = FeedbackRules(nb, self.max_message)
        for cell in nb.cells:
            if nbs.is_test(cell):
                cell.outputs = rules.test_outputs(cell)
                cell.source = redact_hidden(cell.source)
            elif cell.cell_type == "code":
                cell.outputs = rules.learner_outputs(cell)
        return nb, resources


class DeduplicateIds(NbGraderPreprocessor):
    """Keep the last cell of each grade id as the graded one (as nbgrader
    does) and turn earlier copies into plain cells."""

    def preprocess(self, nb, resources):
        seen = set()
        for cell in reversed(nb.cells):
            meta = cell.get("metadata", {})
            grade_id = meta.get("nbgrader", {}).get("grade_id")
            if not meta.get("nbgrader"):
                meta.pop("nbgrader", None)
                continue
            if grade_id in seen:
                self.log.warning("Cell with id '%s' exists multiple times: grading the last one", grade_id)
                del meta["nbgrader"]
            else:
                seen.add(grade_id)
        return nb, resources


class MissingCellsError(Exception):
    """Graded cells that OverwriteCells could not put back (the message is
    the instructor's report's reason, outcomes.failure_reason)."""


class OverwriteCells(NbgraderOverwriteCells):
    """nbgrader's OverwriteCells with its one method that puts deleted
    graded cells back (`add_missing_cells`) overridden.

    nbgrader puts a missing graded cell after the source cell before it,
    but finds that cell only among the graded and answer cells of the
    notebook: when it is a given, read-only cell (a plot before a written
    answer) the lookup fails with KeyError and the whole submission is not
    graded. Here that cell is found whatever it is; if it is gone too, the
    missing cell goes before the next source cell that is still there, or
    at the end when none is, so that it still comes after the learner's
    answer above it (an answer cell that lost its metadata stays where it
    was, as a plain cell). When no cell of the released notebook is left
    (every cell's metadata lost, as when a notebook is rebuilt outside
    JupyterLab) nothing is put back: MissingCellsError says so, and the
    submission is reported as not graded. A written answer put back is the
    release's blank one (the learner's text, if any, stays in a plain cell
    beside it): its log line says so, and so does the instructor's report.
    """

    def add_missing_grade_cells(self, nb, resources):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        order = [cell.name for cell in source_nb.source_cells]
        solutions = {cell.name for cell in source_nb.solution_cells}
        grade_cells = sorted(source_nb.grade_cells, key=lambda cell: order.index(cell.name))

        def present():
            return {nbs.grade_id(cell): i for i, cell in enumerate(nb.cells) if nbs.grade_id(cell) in order}

        here = present()
        if not here and grade_cells:
            raise MissingCellsError(
                f"{self.notebook_id}.ipynb has no cell of the released notebook left (their nbgrader metadata "
                f"lost, e.g. rebuilt outside JupyterLab?), so its {len(grade_cells)} graded cells cannot be put "
                "back: copy the answers into the released notebook")
        for grade_cell in grade_cells:
            if grade_cell.name in here:
                continue
            at = order.index(grade_cell.name)
            if at and order[at - 1] in here:
                where = here[order[at - 1]] + 1
            else:  # before the next source cell still there, else at the end; the first one first
                where = 0 if at == 0 else next((here[n] for n in order[at + 1:] if n in here), len(nb.cells))
            written = grade_cell.name in solutions  # a written answer, graded by hand: put back blank
            self.log.warning("Missing grade cell %s encountered, adding to notebook%s", grade_cell.name,
                             PUT_BACK_BLANK if written else "")
            nb.cells.insert(where, self.missing_cell_transform(source_nb.source_cells[at], grade_cell.max_score,
                                                               is_solution=written))
            here = present()
        return nb, resources


class LimitOutputSize(NbGraderPreprocessor):
    """Cut every text output to `max_chars` characters. nbgrader's LimitOutput
    counts lines only, so one print of 50 MB on a single line would reach the
    gradebook and the learner's feedback page whole."""

    max_chars = 20_000

    def _cut(self, text):
        if isinstance(text, list):
            text = "".join(text)
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n... [output cut: {len(text):,} characters in all]"

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = self._cut(output["text"])
            for mime, value in list(output.get("data", {}).items()):
                if mime.startswith("text/") or mime == "application/json":
                    if isinstance(value, (str, list)):
                        output["data"][mime] = self._cut(value)
            if output.get("output_type") == "error":
                output["evalue"] = self._cut(output.get("evalue", ""))
                output["traceback"] = [self._cut(line) for line in output.get("traceback", [])]
        return cell, resources


class ScoreByChecks(NbGraderPreprocessor):
    """A test cell scores by its checks alone. nbgrader scores a test cell by
    its outputs, in order: an error is 0, and the first execute_result
    before any error is the score (a number: partial credit; anything else:
    full marks). The course's test cells end in no expression
    (tests/test_metadata.py), so an execute_result there can only come from
    the learner's code (the shell's displayhook called while a check runs),
    and it would score the cell before the error of the check it blinded,
    or carry a number of the learner's choosing to their feedback. Each such
    result becomes display data: still in the cell's outputs, never a score.
    Runs just before SaveAutoGrades."""

    def preprocess_cell(self, cell, resources, index):
        if nbs.is_test(cell):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "execute_result":
                    output["output_type"] = "display_data"
                    output.pop("execution_count", None)
        return cell, resources


class DefuseLearnerHTML(NbGraderPreprocessor):
    """The autograded notebook without HTML, JavaScript or SVG that could run
    in formgrader's page or a feedback page (coursetools/defuse.py). Runs
    after SaveAutoGrades: grades are decided on the notebook as handed in."""

    def preprocess_cell(self, cell, resources, index):
        if defuse.defuse_cell(cell):
            self.log.warning("cell %d of %s held HTML the grading pages do not show: made harmless",
                             index, resources.get("unique_key", "the notebook"))
        return cell, resources


class StripSolutionDelimiters(NbGraderPreprocessor):
    """Worked solutions show the solution code without nbgrader's
    `### BEGIN SOLUTION` / `### END SOLUTION` lines."""

    def preprocess_cell(self, cell, resources, index):
        if nbs.is_solution(cell):
            cell.source = "\n".join(line for line in cell.source.splitlines()
                                    if line.strip() not in (nbs.BEGIN_SOLUTION, nbs.END_SOLUTION))
        return cell, resources


class ReplayExecution(NbGraderPreprocessor):
    """The record stage of parallel autograding (coursetools/parallel.py).

    A Dask worker has already executed the learner's notebook (nbgrader
    autograde with only Execute, in a throw-away course); this stands in for
    Execute in the course's own `nbgrader autograde`, so that everything
    after execution (output limits, SaveAutoGrades into the real gradebook,
    late penalties, autograded/) is nbgrader's usual pipeline, run by one
    process. The executed notebooks are read from COURSE_EXECUTED_DIR:
    <dir>/<student>/<notebook>.ipynb, or <dir>/<student>/FAILED.txt with the
    reason the worker could not execute them.
    The executed copy is taken whole: the worker made it from the same bytes
    this stage records (parallel.record stages the files the task was sent),
    sanitized as nbgrader sanitizes, so the record stage skips its own
    sanitize pass (nbgrader_config.py)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        folder = Path(os.environ["COURSE_EXECUTED_DIR"]) / info["student"]
        path = folder / f"{info['notebook']}.ipynb"
        if not path.exists():
            failed = folder / "FAILED.txt"
            reason = failed.read_text() if failed.exists() else "no executed notebook came back from the workers"
            raise RuntimeError(f"could not be executed: {reason}")
        return nbformat.read(str(path), as_version=4), resources


# Libraries whose functions the checks of a notebook that imports them call,
# with what the grading kernel guards of each (GradingKernel.extra_guarded).
# Only guarded when imported: importing torch in every kernel costs 1.5 s.
# PRELOAD: modules imported before the snapshot because they patch the
# guarded ones when first imported (torch._dynamo, which the optimizers
# import lazily, wraps torch.manual_seed).
GUARDED_LIBRARIES = {"torch": "torch,torch.nn.functional,torch:Tensor,torch.nn:Module"}
PRELOAD = {"torch": "torch._dynamo"}


_GUARD_OPTIONS = ("--GradingKernel.extra_guarded=", "--GradingKernel.preload=")
# the kernel of a student of whom only the scores are read (GradingExecute.scores_only)
_UNDRAWN = "--GradingKernel.draw_figures=False"


def guard_arguments(nb):
    """The grading kernel's arguments for the GUARDED_LIBRARIES a notebook's code imports."""
    imported = nbs.imported_modules(nb)
    names = [name for name in GUARDED_LIBRARIES if name in imported]
    if not names:
        return []
    extra_guarded, preload = _GUARD_OPTIONS
    return [extra_guarded + ",".join(GUARDED_LIBRARIES[n] for n in names),
            preload + ",".join(PRELOAD[n] for n in names if n in PRELOAD)]


class GradingExecute(Execute):
    """nbgrader's Execute, running each notebook in the course's isolated
    grading kernel (coursetools/sandbox.py, coursetools/guard.py).

    One more change: when a cell has timed out and the kernel was
    interrupted, nbgrader goes on with the next cell, each one waiting the
    full time limit for a kernel that may never answer again (a learner's
    code that breaks the kernel's own machinery, or ignores interrupts).
    Here the kernel must answer a kernel_info request within
    `unresponsive_after` seconds of the interrupt, or it is stopped and the
    submission fails to grade with that reason, in bounded time.

    And two options for the course's tests of its own tests,
    `stop_at_first_loss` and `scores_only`: never set for a class (see the
    traits)."""

    unresponsive_after = Integer(help=(
        "Seconds an interrupted kernel has to answer before it is stopped; by default a third of "
        "the cell time limit (Execute.timeout), at least 5: 20 s for the course's 60 s. A kernel "
        "that still runs Python answers within milliseconds of the interrupt.")).tag(config=True)

    stop_at_first_loss = List(Unicode(), help=(
        "Students whose notebooks are executed only up to their first test cell that loses points, "
        "by nbgrader's own rule (an error, output on stderr, a partial score). Every later graded "
        "cell gets an error output saying it was not run, and so scores 0: the option can only "
        "take points away. For the course's test suite, which asks of a wrong variant only whether "
        "it loses points (COURSE_STOP_AT_FIRST_LOSS in nbgrader_config.py); never for a real "
        "class. They are scores_only students too.")).tag(config=True)
    scores_only = List(Unicode(), help=(
        "Students of whom only the scores are read: their kernels show figures as text, undrawn "
        "(GradingKernel.draw_figures), and the learner's code runs all the same (a figure's "
        "drawing scores nothing). For the course's test suite, which asks of a correct variant "
        "only whether it keeps full marks (COURSE_SCORES_ONLY in nbgrader_config.py); never for "
        "a real class, whose feedback shows the figures.")).tag(config=True)
    _stops_on_loss = False  # this notebook's student is one of stop_at_first_loss
    _undrawn = False  # ... or of scores_only
    _lost_at = None  # grade id of its first test cell that lost points

    @default("unresponsive_after")
    def _third_of_the_time_limit(self):
        return max(5, (self.timeout or 60) // 3)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)

    async def async_start_new_kernel(self, **kwargs):
        # the grading kernel also guards the libraries this notebook imports
        # whose functions its checks call (guard.py, GradingKernel.extra_guarded)
        self.extra_arguments = [a for a in self.extra_arguments if not a.startswith(_GUARD_OPTIONS + (_UNDRAWN,))]
        self.extra_arguments += guard_arguments(self.nb) + ([_UNDRAWN] if self._undrawn else [])
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

    def preprocess(self, nb, resources=None, km=None):
        student = ((resources or {}).get("nbgrader") or {}).get("student")
        self._stops_on_loss = student is not None and student in self.stop_at_first_loss
        self._undrawn = self._stops_on_loss or (student is not None and student in self.scores_only)
        self._lost_at = None
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if self._lost_at is not None:
            if nbs.is_grade(cell) and cell.cell_type == "code":
                why = (f"not run: grading stopped at {self._lost_at}, the first test cell that lost "
                       "points (GradingExecute.stop_at_first_loss)")
                cell.outputs = [new_output("error", ename="NotRun", evalue=why, traceback=[f"NotRun: {why}"])]
            return cell, resources
        cell, resources = super().preprocess_cell(cell, resources, index)
        if self._stops_on_loss and nbs.is_test(cell):
            score, most = nbgrader_utils.determine_grade(cell, self.log)
            if score is not None and score < most:
                self._lost_at = nbs.grade_id(cell)
        return cell, resources

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        if isinstance(km, SandboxedKernelManager):  # a kernel zygote imports these before the fork
            km.libraries = sorted(nbs.imported_modules(self.nb) & set(zygote.LIBRARIES))
        return km

    async def _async_handle_timeout(self, timeout, cell=None):
        reply = await super()._async_handle_timeout(timeout, cell)
        if not await self._kernel_answers(self.unresponsive_after):
            self.log.error("The kernel did not answer within %s s after the interrupt: stopping it",
                           self.unresponsive_after)
            await ensure_async(self.km.shutdown_kernel(now=True))
            raise DeadKernelError(f"{UNRESPONSIVE}: it did not answer within {self.unresponsive_after} s "
                                  "after a cell timed out and was interrupted")
        return reply

    async def _kernel_answers(self, seconds):
        msg_id = self.kc.kernel_info()
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=left))
            except Empty:
                return False
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                return True
        return False
