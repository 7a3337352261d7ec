"""nbgrader preprocessors the course adds (registered in nbgrader_config.py).

HideHiddenTests: learner feedback that carries verdicts and check messages
only (run by `nbgrader generate_feedback`, see nbgrader_config.py).

nbgrader's feedback is the autograded notebook as HTML, and autograding
puts the hidden tests back into the test cells. A learner's function that a
test calls can read them too (the caller's frame, `linecache`, `In`, the
shell's history) and print, display, raise or return them. FeedbackRules
says what may be shown, for this preprocessor and for `make selfgrade`:

- in a test cell, each hidden-test region becomes one comment line, and the
  outputs become the verdict: the check's own failure message, cut to
  `max_message` characters. A check's error is one whose traceback (read
  before it is dropped) has no frame outside the instructor's cells and the
  installed libraries. An error raised in the learner's code, AssertionError
  included, shows its type and the learner's functions it passed through,
  never its text. What the learner's code printed, displayed or wrote to
  stderr during a test is not shown, only that there was some;
- in every cell, a message or output that holds a line of a hidden region
  (compared without whitespace, escapes, ANSI codes or HTML tags) is
  replaced by a note. The learner's own cells otherwise keep their output.

Visible test code stays as the learner saw it. Code written against these
rules (text encoded before it is printed, a forged traceback) still gets
out: README, "Cheat resistance", says what is left open.

DeduplicateIds: a learner who copies a graded cell hands in two cells with
one grade id. nbgrader's own DeduplicateIds empties the copy's nbgrader
metadata, which then crashes OverwriteCells (KeyError 'grade_id') and the
whole submission fails to grade. This one drops the metadata key instead,
so the copy becomes an ordinary cell and the original is graded.

GradingExecute: nbgrader's Execute in the isolated grading kernel, stopping
a kernel that no longer answers after a timeout (see the class).
"""
import html
import json
import os
import re
import sysconfig
import time
from queue import Empty

import nbformat
from jupyter_core.utils import ensure_async
from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer

from . import notebooks as nbs
from .sandbox import SandboxedKernelManager

UNRESPONSIVE = "Kernel stopped"
HIDDEN_NOTE = "# [hidden tests ran here: their code is not shown in feedback]"


def redact_hidden(source):
    """The test cell source with each hidden region replaced by a note."""
    out, hidden = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == nbs.BEGIN_HIDDEN:
            hidden = True
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + HIDDEN_NOTE)
        elif stripped == nbs.END_HIDDEN:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
# A traceback frame as IPython prints it, ANSI codes removed:
# "Cell In[12], line 3, in f(x)" or "File /path/module.py:40, in g(a, b)".
_FRAME = re.compile(r"(?:Cell In\[(\d+)\], line \d+|File (.+?):\d+)(?:, in ([^\s(]+))?")
_CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,59}")
_LIBRARIES = tuple(sorted({os.path.join(sysconfig.get_paths()[k], "")
                           for k in ("stdlib", "platstdlib", "purelib", "platlib")}))
# The error the grading kernel adds to a cell that replaced a checking
# function (guard.py): no frames, and only names of guarded functions.
_GUARD_ERROR = re.compile(r"this cell replaced [\w.:, ]+; grading runs checks with the original "
                          r"functions, so a cell that replaces them fails")

NOT_SHOWN = "its message is not shown in feedback"
QUOTES_HIDDEN = "a check failed; its message is not shown in feedback because it quotes hidden test code"
TIMED_OUT = "no reply from the kernel before the time limit: the cell was interrupted"
PRINTED_NOTE = ("[your code printed or displayed something while this test ran; feedback does not "
                "show it: run the visible tests yourself to see it]\n")
STDERR_NOTE = ("[your code wrote to stderr while this test ran (a warning counts), and nbgrader fails "
               "a test cell that does; what it wrote is not shown in feedback]\n")
OUTPUT_HIDDEN_NOTE = "[output not shown in feedback: it quotes hidden test code]\n"
# What an exception of the learner's code most likely means, its text unseen.
HINTS = {"NotImplementedError": " - not answered yet?", "KeyboardInterrupt": " - interrupted at the time limit?"}
_BINARY = ("image/png", "image/jpeg", "image/gif")


def _squeezed(text):
    """Text as compared with hidden lines: without ANSI codes, whitespace and
    backslashes, so that a repr, a JSON string or a re-indented copy matches."""
    return re.sub(r"[\s\\]+", "", ANSI.sub("", text))


def _texts(output):
    """Every piece of text an output shows."""
    texts = [output.get("text", ""), output.get("evalue", ""), *output.get("traceback", [])]
    for mime, value in output.get("data", {}).items():
        if mime not in _BINARY:  # base64 images hold no text to compare
            texts.append(value if isinstance(value, (str, list)) else json.dumps(value))
    return ["".join(t) if isinstance(t, list) else str(t) for t in texts]


def _stream(name, text):
    return nbformat.v4.new_output("stream", name=name, text=text)


def _error(ename, message):
    return nbformat.v4.new_output("error", ename=ename, evalue=message, traceback=[f"{ename}: {message}"])


class FeedbackRules:
    """What feedback may show of one autograded notebook (module doc).

    Built from the autograded notebook before its hidden tests are redacted:
    its test cells still hold them, and its cells' execution counts tell the
    instructor's cells from the learner's in a traceback."""

    min_chars = 12  # shorter hidden lines (squeezed) are too common to look for

    def __init__(self, nb, max_message=500):
        self.max_message = max_message
        public = _squeezed("\n".join(nbs.public_lines(nb)))
        self.hidden = sorted({line for line in map(_squeezed, nbs.hidden_test_lines(nb))
                              if len(line) >= self.min_chars and line not in public})
        # test cells and locked given cells: nbgrader restores their code from the source
        self.instructor = {c.get("execution_count") for c in nb.cells if c.cell_type == "code" and nbs.grade_id(c)
                           and (nbs.is_test(c) or (nbs.meta(c).get("locked") and not nbs.is_solution(c)))}
        self.instructor.discard(None)

    def quotes_hidden(self, *texts):
        """True when a text holds a hidden line, as it is or as HTML."""
        for text in texts:
            if text and self.hidden:
                tagless = html.unescape(re.sub(r"<[^>]*>", "", text))
                plain, tagless = _squeezed(text), _squeezed(tagless)
                if any(line in plain or line in tagless for line in self.hidden):
                    return True
        return False

    def frames(self, traceback):
        """[(part, kind, function)] of an IPython traceback. part counts
        chained exceptions; kind is "checks" (a cell of the instructor's),
        "library" (a file of the installed Python) or "learner" (anything
        else: the learner's cells, exec'd code, frames IPython hid)."""
        out, part = [], 0
        for entry in traceback:
            text = ANSI.sub("", entry).strip()
            if text.startswith(_CHAINED):
                part += 1
            elif text.startswith("[... skipping hidden"):
                out.append((part, "learner", None))
            elif match := _FRAME.match(text):
                count, path, function = match.groups()
                if count is not None:
                    kind = "checks" if int(count) in self.instructor else "learner"
                else:
                    kind = "library" if os.path.expanduser(path).startswith(_LIBRARIES) else "learner"
                out.append((part, kind, function))
        return out

    def check_message(self, output):
        """(type, message) of an error output of a test cell, as feedback shows them."""
        ename, evalue = output.get("ename") or "Error", output.get("evalue") or ""
        ename = ename if _IDENTIFIER.fullmatch(ename) else "Exception"
        if ename == "CellTimeoutError":
            return ename, TIMED_OUT
        frames = self.frames(output.get("traceback", []))
        if not frames:
            # only the grading machinery's own errors come without frames
            shown = ename == "GradingGuardError" and _GUARD_ERROR.fullmatch(evalue)
            return ename, evalue if shown else f"the test failed; {NOT_SHOWN}"
        learner = [(part, f) for part, kind, f in frames if kind == "learner"]
        if not learner:
            if self.quotes_hidden(evalue):
                return ename, QUOTES_HIDDEN
            if not evalue:
                return ename, "a check failed (it has no message)"
            return ename, evalue[:self.max_message] + (" [...]" if len(evalue) > self.max_message else "")
        names = [f.rsplit(".", 1)[-1] for _, f in learner if f]  # "_leaking.<locals>.answer" -> "answer"
        names = list(dict.fromkeys(f for f in names if _IDENTIFIER.fullmatch(f)))[:3]
        where = f" ({' -> '.join(names)})" if names else ""
        if learner[-1][0] < frames[-1][0]:
            # raised by a check while it handled an error of the learner's code
            return ename, f"a check failed after your code raised an error{where}; {NOT_SHOWN}"
        return ename, f"raised in your code{where}{HINTS.get(ename, '')}; {NOT_SHOWN}"

    def test_outputs(self, cell):
        """A test cell's outputs as feedback shows them: a note for what the
        learner's code emitted, and each error reduced to check_message."""
        outputs = cell.get("outputs", [])
        errors = [o for o in outputs if o.get("output_type") == "error"]
        stderr = [o for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        shown = []
        if len(outputs) > len(errors) + len(stderr):
            shown.append(_stream("stdout", PRINTED_NOTE))
        if stderr:
            shown.append(_stream("stderr", STDERR_NOTE))
        return shown + [_error(*self.check_message(o)) for o in errors]

    def learner_outputs(self, cell):
        """Any other cell's outputs, each one that quotes hidden code replaced by a note."""
        return [_stream("stdout", OUTPUT_HIDDEN_NOTE) if self.quotes_hidden(*_texts(o)) else o
                for o in cell.get("outputs", [])]

    def first_failure(self, cell):
        """One line: why a test cell failed, as feedback shows it ('' if it did not)."""
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return "{}: {}".format(*self.check_message(output))
        return STDERR_NOTE.strip() if any(o.get("name") == "stderr" for o in cell.get("outputs", [])) else ""


class HideHiddenTests(NbGraderPreprocessor):
    """Feedback with verdicts and check messages only (see module doc)."""

    max_message = Integer(500, help="Characters of a check's message shown in feedback.").tag(config=True)

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
    reason the worker could not execute them."""

    def preprocess(self, nb, resources):
        import os
        from pathlib import Path
        import nbformat

        info = resources["nbgrader"]
        folder = Path(os.environ["COURSE_EXECUTED_DIR"]) / info["student"]
        path = folder / f"{info['notebook']}.ipynb"
        if not path.exists():
            failed = folder / "FAILED.txt"
            reason = failed.read_text() if failed.exists() else "no executed notebook came back from the workers"
            raise RuntimeError(f"could not be executed: {reason}")
        executed = nbformat.read(str(path), as_version=4)
        if [c.source for c in executed.cells] != [c.source for c in nb.cells]:
            raise RuntimeError(f"the executed copy of {path.name} does not match the submission")
        return executed, resources


# Libraries whose functions the checks of a notebook that imports them call,
# with what the grading kernel guards of each (GradingKernel.extra_guarded).
# Only guarded when imported: importing torch in every kernel costs 1.5 s.
# PRELOAD: modules imported before the snapshot because they patch the
# guarded ones when first imported (torch._dynamo, which the optimizers
# import lazily, wraps torch.manual_seed).
GUARDED_LIBRARIES = {"torch": "torch,torch.nn.functional,torch:Tensor,torch.nn:Module"}
PRELOAD = {"torch": "torch._dynamo"}


_GUARD_OPTIONS = ("--GradingKernel.extra_guarded=", "--GradingKernel.preload=")


def guard_arguments(nb):
    """The grading kernel's arguments for the GUARDED_LIBRARIES a notebook's code imports."""
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    names = [name for name in GUARDED_LIBRARIES
             if re.search(rf"^\s*(import|from)\s+{re.escape(name)}\b", code, re.M)]
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
    submission fails to grade with that reason, in bounded time."""

    unresponsive_after = Integer(
        20, help="Seconds an interrupted kernel has to answer before it is stopped.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxedKernelManager)
        super().__init__(*args, **kwargs)

    async def async_start_new_kernel(self, **kwargs):
        # the grading kernel also guards the libraries this notebook imports
        # whose functions its checks call (guard.py, GradingKernel.extra_guarded)
        self.extra_arguments = [a for a in self.extra_arguments if not a.startswith(_GUARD_OPTIONS)]
        self.extra_arguments += guard_arguments(self.nb)
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

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
