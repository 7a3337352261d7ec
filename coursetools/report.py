"""The grade report: one row per learner and assignment, from the gradebook.

Autograded points (test cells) and manually graded points (written answers)
are kept apart: written answers wait for an instructor in formgrader, so a
learner's autograded total can be full while their written answers are
still pending. Points are before nbgrader's late penalty, as formgrader
shows them; the penalty has a column of its own (late_penalty, blank when
none), and the table names it.

    python -m coursetools.report     (reports/grades.csv written again from
                                      the gradebook, its table printed)

`make grade` and `make demo` write the report as they grade; this writes it
without grading, e.g. after written answers were graded in formgrader.
"""
import argparse
import csv
import sys
from pathlib import Path

from nbgrader.api import MissingEntry

from . import ROOT, assignments, grading

COLUMNS = ["student", "assignment", "status", "auto_score", "auto_max", "manual_score",
           "manual_max", "manual_pending", "late_penalty", "reason"]


def recorded_status(per_notebook, assignment, student):
    """The status of a submission this run did not grade, from what the
    gradebook holds of it (notebook -> grades, as grading.read_grades gives
    them): nbgrader leaves the test cells of a notebook it could not grade
    unscored (auto_score None), where a graded one scores each, 0 included."""
    unscored = sorted(nb for nb, cells in per_notebook.items()
                      if [g for g in cells if g["cell_type"] == "code"]
                      and all(g["auto_score"] is None for g in cells if g["cell_type"] == "code"))
    scored = [nb for nb, cells in per_notebook.items()
              if any(g["cell_type"] == "code" and g["auto_score"] is not None for g in cells)]
    if unscored and not scored:
        return {"status": "failed",
                "reason": f"its last grading failed, and autograde-{assignment}.log says why "
                          f"(make grade A={assignment} STUDENT={student} grades it again)"}
    if unscored:
        return {"status": "graded", "reason": f"no autograded points for {', '.join(unscored)} "
                                              "(missing or failed when last graded)"}
    return {"status": "graded", "reason": ""}


def rows(course, assignment_ids, status=None, db_url=None):
    """Report rows for every submission of the given assignments.

    status: assignment -> student -> {"status", "reason"} as
    grading.autograde_class returns it; a failed submission gets no points
    in the report (blank, not 0) and says why. A submission that parallel
    grading had to grade again ("retried" in its status) says so in its
    reason, and the row keeps the count (not a CSV column). A submission
    the gradebook holds without a status here (graded by an earlier run)
    gets the status the gradebook shows (recorded_status): one whose last
    grading failed stays failed, not a 0."""
    status = status or {}
    out = []
    for assignment in assignment_ids:
        try:
            grades = grading.read_grades(course, assignment, db_url=db_url)
            late = grading.late_penalties(course, assignment, db_url=db_url)
        except MissingEntry:  # not in the gradebook: nothing of it could be recorded
            grades, late = {}, {}
        students = sorted(set(grades) | set(status.get(assignment, {})))
        for student in students:
            st = status.get(assignment, {}).get(student) or recorded_status(grades[student], assignment, student)
            row = {"student": student, "assignment": assignment, "status": st["status"],
                   "reason": st.get("reason", ""), "auto_score": "", "auto_max": "",
                   "manual_score": "", "manual_max": "", "manual_pending": "", "late_penalty": "",
                   "retried": st.get("retried", 0)}
            per_nb = grades.get(student)
            if per_nb is not None and st["status"] != "failed":
                auto_score, auto_max = grading.totals(per_nb, auto_only=True)
                all_score, all_max = grading.totals(per_nb, auto_only=False)
                row.update(auto_score=auto_score, auto_max=auto_max,
                           manual_score=all_score - auto_score, manual_max=all_max - auto_max,
                           manual_pending=sum(1 for cells in per_nb.values() for g in cells
                                              if g["needs_manual_grade"] and g["cell_type"] != "code"),
                           # the points and scores above are before it, as formgrader shows them
                           late_penalty=late.get(student) or "")
            out.append(row)
    return out


def write_csv(report_rows, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in report_rows:
            writer.writerow({k: row[k] for k in COLUMNS})
    return path


def format_table(report_rows):
    """A fixed-width table for the terminal: failed submissions show no
    points and the reason, so they cannot be mistaken for zeros."""
    head = f"{'student':<24} {'assignment':<13} {'autograded':>11} {'written':>12}  status"
    lines = [head, "-" * len(head)]
    for r in report_rows:
        if r["status"] == "failed":
            auto, written = "-", "-"
            status = f"FAILED TO GRADE: {r['reason']}"
        else:
            auto = f"{r['auto_score']:g}/{r['auto_max']:g}"
            written = f"{r['manual_score']:g}/{r['manual_max']:g}"
            if r["manual_pending"]:
                written = f"pending/{r['manual_max']:g}"
            status = r["status"] + (f": {r['reason']}" if r["reason"] else "")
            if r.get("late_penalty"):
                status += f" (late penalty: -{r['late_penalty']:g})"
        lines.append(f"{r['student']:<24} {r['assignment']:<13} {auto:>11} {written:>12}  {status}")
    return "\n".join(lines)


def summary(report_rows):
    """(n_graded, n_failed, text); the text also names the submissions that
    were graded again after a fault (see the reason column for why)."""
    failed = [r for r in report_rows if r["status"] == "failed"]
    retried = [r for r in report_rows if r.get("retried")]
    graded = len(report_rows) - len(failed)
    text = f"{graded} submissions graded, {len(failed)} could not be graded"
    if failed:
        text += ": " + ", ".join(f"{r['student']}/{r['assignment']}" for r in failed)
    if retried:
        text += f"; {len(retried)} retried after a fault: " + ", ".join(
            f"{r['student']}/{r['assignment']}" for r in retried)
    return graded, len(failed), text


def main(argv=None, course=ROOT):
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    missing = grading.missing_gradebook(course)
    if missing:
        # nbgrader would make an empty gradebook there, and the report of it would replace the real one
        print(f"no gradebook at {missing}: grade first (make grade), or set COURSE_DB_URL "
              "to the course's database as grading does", file=sys.stderr)
        return 2
    course_rows = rows(course, assignments(course))
    path = write_csv(course_rows, Path(course) / "reports" / "grades.csv")
    print(format_table(course_rows))
    print(f"\nreport: {path} (from the gradebook; nothing was graded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
