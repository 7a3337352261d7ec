"""Learner feedback that does not give the hidden tests away.

nbgrader's feedback is the autograded notebook as HTML, and autograding
puts the hidden tests back into the test cells: their code, and the
tracebacks of the checks that failed, would reach the learner. The
preprocessor below runs inside `nbgrader generate_feedback` (see
nbgrader_config.py) and, in every test cell:

- replaces each hidden-test region by one comment line;
- reduces each error to its type and message (the message of the first
  failing check, which names the suspected mistake), dropping the
  traceback, whose lines would quote the hidden code.

Visible test code stays as the learner saw it.
"""
from nbgrader.preprocessors import NbGraderPreprocessor

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


def short_error(output):
    """An error output reduced to 'Type: message', without traceback."""
    ename = output.get("ename", "Error")
    evalue = output.get("evalue", "")
    message = f"{ename}: {evalue}" if evalue else f"{ename} (a check failed; its message is empty)"
    output["traceback"] = [message]
    return output


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden test code and tracebacks from feedback (see module doc)."""

    def preprocess_cell(self, cell, resources, index):
        if nbs.is_test(cell):
            cell.source = redact_hidden(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    short_error(output)
        return cell, resources
