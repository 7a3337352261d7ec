"""Telling a submission that could not be graded apart from a genuine zero.

nbgrader autogrades one learner after another; when a submission breaks
(notebook not valid JSON, missing or renamed, kernel killed by the
learner's code) it logs an error, goes on with the others, and leaves the
learner in the gradebook with zero points. These helpers check each
submission before grading and read nbgrader's log after it, so the report
can say "could not be graded, because ..." instead of 0.
"""
import json
import os
import re
import stat
from pathlib import Path

import nbformat

from . import notebooks as nbs

GRADED, TIMEOUT, FAILED = "graded", "timeout", "failed"
MISSING = "notebook missing"


def expected_notebooks(course, assignment):
    return sorted(p.name for p in (Path(course) / "source" / assignment).glob("*.ipynb"))


def _cut(text, most=80):
    """One line of at most `most` characters, "..." where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most - 3] + "..."


def preflight(course, assignment, student, expected=None):
    """Problems visible before grading: missing, renamed or unreadable notebooks."""
    folder = Path(course) / "submitted" / student / assignment
    problems = []
    present = sorted(p.name for p in folder.glob("*.ipynb"))
    for name in expected or expected_notebooks(course, assignment):
        path = folder / name
        if not path.exists():
            others = [p for p in present if p not in expected_notebooks(course, assignment)]
            hint = f" (found {', '.join(others)}: renamed? nbgrader grades only {name})" if others else ""
            problems.append(f"{MISSING}: {name}{hint}")
            continue
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as err:
            # where the file breaks, in the words an editor shows (line, column)
            where = (f"{err.msg}: line {err.lineno}, column {err.colno}" if isinstance(err, json.JSONDecodeError)
                     else f"{err.__class__.__name__}: {_cut(str(err))}")
            problems.append(f"notebook is not valid JSON: {name} ({where})")
            continue
        try:
            nbformat.read(str(path), as_version=4)
        except Exception as err:  # nbformat raises several kinds for broken files
            problems.append(f"notebook is not a valid Jupyter notebook: {name} ({_cut(str(err))})")
    return problems


# nbgrader's own log lines (nbgrader/converters/autograde.py and base.py),
# whole lines as nbgrader's log format starts them: text quoted in another
# line (an exception's message, a traceback) starts no learner's section.
# A student id may hold quotes (o'neil, from an LMS's names), so each id runs
# to the quote that ends nbgrader's message, not to the first quote in it.
_STUDENT_START = re.compile(r"^\[\w+ \| INFO\] Creating/updating student with ID '(.*)': ")
_STUDENT_FAILED = re.compile(
    r"^\[\w+ \| ERROR\] There was an error processing assignment '[^']+' for student '(.*)'\s*$", re.M)


def split_log(log):
    """student -> the part of nbgrader's autograde log about that student."""
    sections, current = {}, None
    for line in log.splitlines():
        m = _STUDENT_START.search(line)
        if m:
            current = m.group(1)
        if current is not None:
            sections.setdefault(current, []).append(line)
    return {k: "\n".join(v) for k, v in sections.items()}


# The warning of coursetools.preprocessors.OverwriteCells (nbgrader's words)
# for each graded cell it puts back, and PUT_BACK_BLANK after it for a
# written answer, which is put back as the release has it.
PUT_BACK_BLANK = " (a written answer: put back blank)"
_PUT_BACK = re.compile(r"^\[\w+ \| WARNING\] Missing grade cell (\S+) encountered, adding to notebook"
                       rf"({re.escape(PUT_BACK_BLANK)})?\s*$", re.M)


def put_back(section):
    """(test cells, written answers) that grading put back into one
    learner's notebooks, by grade id, from their part of nbgrader's log."""
    found = _PUT_BACK.findall(section)
    return (list(dict.fromkeys(name for name, blank in found if not blank)),
            list(dict.fromkeys(name for name, blank in found if blank)))


def failed_students(log):
    return set(_STUDENT_FAILED.findall(log))


# A submission whose kernel was stopped after a cell timed out (the
# kernel did not answer the interrupt: preprocessors.GradingExecute)
KERNEL_STOPPED = ("kernel stopped (after a cell timed out, the kernel did not answer: the learner's "
                  "code ignores interrupts or broke the kernel)")


def failure_reason(section):
    """A short reason from nbgrader's log of one failed submission."""
    checks = [
        ("Kernel stopped", KERNEL_STOPPED),
        ("SandboxUnavailable", "not graded: COURSE_SANDBOX=bwrap, but the kernel sandbox does not work on "
                               "this machine (see the log)"),
        ("Kernel died", "kernel died (the learner's code exited or crashed the Python process)"),
        ("DeadKernelError", "kernel died (the learner's code exited or crashed the Python process)"),
        ("CellTimeoutError", "timeout (a cell ran past the time limit and the kernel did not recover)"),
        ("Timeout waiting", "timeout (a cell ran past the time limit and the kernel did not recover)"),
        ("No notebooks found", "notebook missing (none of the assignment's notebooks was handed in)"),
        ("NotJSONError", "notebook is not valid JSON"),
        ("JSONDecodeError", "notebook is not valid JSON"),
        ("exists multiple times", "duplicate cell ids (a graded cell was copied)"),
    ]
    for needle, reason in checks:
        if needle in section:
            return reason
    missing = re.search(r"MissingCellsError: (.*)", section)
    if missing:  # coursetools.preprocessors.OverwriteCells found nothing to put them back beside
        return missing.group(1).strip()
    return "nbgrader error: " + (error_line(section, 160) or "see the autograde log")


# A Python exception as a traceback ends: "KeyError: 'x'", "nbformat.reader.NotJSONError: ..."
_EXCEPTION = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit)\b(?::.*)?$")
# nbgrader's own log lines: "[AutogradeApp | ERROR] ..."
_NBGRADER_LINE = re.compile(r"^\[\w+ \| [A-Z]+\]")


def error_line(log, most=200):
    """The line of an nbgrader log that says what went wrong: its last
    exception line (`KeyError: 'x'`), else its last line that is not one of
    nbgrader's own `[App | LEVEL]` lines (which only point at the
    traceback); None when there is neither. Cut to `most` characters."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    said = [line for line in lines if _EXCEPTION.match(line)] or [line for line in lines if not _NBGRADER_LINE.match(line)]
    return said[-1][:most] if said else None


def is_regular(path):
    """A regular file, not a link, a FIFO or a device: what a grading kernel
    leaves in a notebook's name is not nbgrader's, and a FIFO blocks
    whoever opens it until someone writes to it."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def graded_copies(folder):
    """The notebooks nbgrader wrote into an autograded/<student>/<assignment>/
    folder, sorted: regular files only (is_regular)."""
    return [p for p in sorted(Path(folder).glob("*.ipynb")) if is_regular(p)]


def timed_out_cells(course, assignment, student):
    """Grade ids (or cell numbers) of cells of the autograded notebooks that timed out."""
    cells = []
    for path in graded_copies(Path(course) / "autograded" / student / assignment):
        nb = nbs.read(path)
        for i, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error" and out.get("ename") == "CellTimeoutError":
                    cells.append(f"{path.stem}:{nbs.grade_id(cell) or f'cell {i}'}")
    return cells


def classify(course, assignment, students, log, expected=None):
    """student -> {"status": graded | timeout | failed, "reason": str}.
    expected: the notebook names graded (default: all of the assignment).
    A learner who handed in some of an assignment's notebooks and left out
    the others is graded on those handed in, as nbgrader grades them (the
    missing ones score nothing), and the reason names the missing ones;
    with none handed in, or one that cannot be read, the learner fails."""
    failed = failed_students(log)
    sections = split_log(log)
    out = {}
    for student in students:
        problems = preflight(course, assignment, student, expected)
        missing = [p for p in problems if p.startswith(MISSING)]
        some_left_out = bool(problems) and len(missing) == len(problems) < len(
            expected or expected_notebooks(course, assignment))
        if problems and not some_left_out:
            out[student] = {"status": FAILED, "reason": "; ".join(problems)}
        elif student in failed:
            out[student] = {"status": FAILED, "reason": failure_reason(sections.get(student, ""))}
        else:
            notes = []
            slow = timed_out_cells(course, assignment, student)
            if slow:
                notes.append("graded, but cells hit the time limit: " + ", ".join(slow))
            if missing:
                notes.append("; ".join(missing) + " (the notebooks handed in are graded, "
                             f"{'that one scores' if len(missing) == 1 else 'those score'} nothing)")
            tests, written = put_back(sections.get(student, ""))
            if written:
                notes.append("written answers deleted or their nbgrader metadata lost, put back blank (the "
                             "learner's text may be in a plain cell beside each: grade it by hand): " + ", ".join(written))
            if tests:
                notes.append("test cells deleted or their nbgrader metadata lost, put back and graded: " + ", ".join(tests))
            out[student] = {"status": TIMEOUT if slow else GRADED, "reason": "; ".join(notes)}
    return out
