"""The grade report: one row per learner and assignment, from the gradebook.

Autograded points (test cells) and manually graded points (written answers)
are kept apart: written answers wait for an instructor in formgrader, so a
learner's autograded total can be full while their written answers are
still pending.
"""
import csv
from pathlib import Path

from . import grading

COLUMNS = ["student", "assignment", "auto_score", "auto_max", "manual_score", "manual_max",
           "manual_pending", "status"]


def rows(course, assignment_ids, db_url=None):
    """Report rows for every submission of the given assignments."""
    out = []
    for assignment in assignment_ids:
        grades = grading.read_grades(course, assignment, db_url=db_url)
        for student, per_nb in sorted(grades.items()):
            auto_score, auto_max = grading.totals(per_nb, auto_only=True)
            all_score, all_max = grading.totals(per_nb, auto_only=False)
            pending = sum(1 for cells in per_nb.values() for g in cells if g["needs_manual_grade"]
                          and g["cell_type"] != "code")
            out.append({
                "student": student, "assignment": assignment,
                "auto_score": auto_score, "auto_max": auto_max,
                "manual_score": all_score - auto_score, "manual_max": all_max - auto_max,
                "manual_pending": pending,
                "status": "graded",
            })
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
    """A fixed-width table for the terminal."""
    head = f"{'student':<24} {'assignment':<14} {'autograded':>12} {'written':>12}  status"
    lines = [head, "-" * len(head)]
    for r in report_rows:
        written = f"{r['manual_score']:g}/{r['manual_max']:g}"
        if r["manual_pending"]:
            written = f"pending/{r['manual_max']:g}"
        lines.append(f"{r['student']:<24} {r['assignment']:<14} "
                     f"{r['auto_score']:>6g}/{r['auto_max']:<5g} {written:>12}  {r['status']}")
    return "\n".join(lines)
