"""What learner feedback may show: verdicts and check messages only.

Used by HideHiddenTests (coursetools/preprocessors.py, run by `nbgrader
generate_feedback`) and by `make selfgrade`.

nbgrader's feedback is the autograded notebook as HTML, and autograding
puts the hidden tests back into the test cells. A learner's function that a
test calls can read them too (the caller's frame, `linecache`, `In`, the
shell's history) and print, display, raise or return them. FeedbackRules
says what may be shown:

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
"""
import html
import json
import os
import re
import sysconfig

import nbformat

from . import notebooks as nbs

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
        shown = [_stream("stdout", PRINTED_NOTE)] if len(outputs) > len(errors) else []
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
        return ""
