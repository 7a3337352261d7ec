"""Grade one assignment's reference, untouched release and variants in a
throw-away copy of the course, and print points per test cell.

    python -m coursetools.check 02_metrics [--no-variants] [--only REGEX] [--keep DIR]

Exit status 1 when a rule of the course is broken: the reference loses a
point, the release scores anything, a wrong variant keeps full marks or an
ok variant loses a point, a hostile learner (equal-to-anything, peeking)
gains a test cell over learner wrong-values.
"""
import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from . import ROOT, assignments, grading, outcomes, parallel, submissions


def grade_class(assignment, students, workdir, workers=None, root=ROOT, scheduler=None, progress=False,
                client=None, stop_at_first_loss=(), scores_only=()):
    """Autograde a class of submissions of one assignment on Dask
    (coursetools.parallel): on the Dask client `client` when given (several
    classes graded on one cluster), else on a cluster of its own (`scheduler`,
    `workers`). A student who hands in only one notebook of a
    several-notebook assignment (a variant of that notebook) is graded on
    that notebook alone: such students share a course copy per notebook.
    `students`: id -> {notebook name: nb}.
    stop_at_first_loss: ids of students whose notebooks run only up to their
    first test cell that loses points, every later test cell scoring 0
    (GradingExecute.stop_at_first_loss): the test suite's wrong variants.
    scores_only: ids of students whose figures are left undrawn
    (GradingExecute.scores_only): its correct variants.
    Returns (grades, status, seconds): grades as read_grades gives them, with
    None for a submission that could not be graded; status as
    grading.autograde_class gives it."""
    start = time.perf_counter()
    workdir = Path(workdir)
    base = grading.copy_course(workdir / "base", root)
    grading.nbgrader(["generate_assignment", assignment, "--force"], base, env=parallel.local_gradebook(base))
    all_notebooks = sorted(p.name for p in (base / "release" / assignment).glob("*.ipynb"))
    groups = {}
    for sid in sorted(students):
        names = sorted(students[sid])
        key = None if names == all_notebooks or len(names) != 1 else names[0][: -len(".ipynb")]
        groups.setdefault(key, []).append(sid)
    targets = []
    for notebook, ids in sorted(groups.items(), key=lambda kv: kv[0] or ""):
        course = workdir / f"class-{notebook or 'all'}"
        shutil.copytree(base, course, dirs_exist_ok=True)
        for sid in ids:
            submissions.write_submission(course, sid, assignment, students[sid])
        targets.append((course, assignment, notebook))
    payload = parallel.course_payload(base, assignment, parallel.local_gradebook(base)["COURSE_DB_URL"])
    with nullcontext(client) if client is not None else parallel.cluster(scheduler, workers) as on:
        by_course = parallel.autograde_many(targets, on, {assignment: payload}, progress,
                                            stop_at_first_loss=frozenset(stop_at_first_loss),
                                            scores_only=frozenset(scores_only))
    grades, status = {}, {}
    for course, _, notebook in targets:
        part = grading.read_grades(course, assignment)
        if notebook:  # the gradebook lists the other notebooks too, ungraded
            part = {sid: {notebook: per_nb[notebook]} for sid, per_nb in part.items() if notebook in per_nb}
        grades.update(part)
        status.update(by_course[Path(course), assignment])
    for sid in students:
        if status.get(sid, {}).get("status") == outcomes.FAILED or sid not in grades:
            grades[sid] = None
    return grades, status, time.perf_counter() - start


def gained_cells(grades, stem, kind):
    """Test cells of notebook `stem` where hostile learner `<stem>--<kind>`
    (submissions.EQUAL_TO_ANYTHING or PEEKING) scores more than learner
    `<stem>--wrong-values`, whose answers are plain wrong values:
    grade_id -> (wrong-values score, kind's score)."""
    def scores(sid):
        return {g["grade_id"]: g["score"] or 0 for cells in (grades.get(sid) or {}).values()
                for g in cells if g["cell_type"] == "code"}
    plain, other = scores(f"{stem}--{submissions.WRONG_VALUES}"), scores(f"{stem}--{kind}")
    return {cell: (plain.get(cell, 0), score) for cell, score in other.items() if score > plain.get(cell, 0)}


def verdicts(grades):
    """(student, problem) for every broken rule of the course."""
    problems = []
    for sid in sorted(grades):
        stem, _, kind = sid.partition("--")
        if kind in (submissions.EQUAL_TO_ANYTHING, submissions.PEEKING) and grades[sid] is not None:
            gained = gained_cells(grades, stem, kind)
            if gained:
                problems.append((sid, f"gains test cells over {stem}--{submissions.WRONG_VALUES}: {gained}"))
    for sid, per_nb in sorted(grades.items()):
        if per_nb is None:
            problems.append((sid, "nbgrader failed to grade this submission (see autograde-*.log)"))
            continue
        score, max_score = grading.totals(per_nb)
        if sid == "reference" and score < max_score:
            problems.append((sid, f"reference scored {score}/{max_score}"))
        elif sid == "untouched":
            scored = [g["grade_id"] for cells in per_nb.values() for g in cells
                      if g["cell_type"] == "code" and (g["score"] or 0) > 0]
            if scored:
                problems.append((sid, f"untouched release scored on {scored}"))
        elif "--wrong--" in sid and score >= max_score:
            problems.append((sid, "wrong variant kept full marks"))
        elif "--ok--" in sid and score < max_score:
            problems.append((sid, f"ok variant scored {score}/{max_score}"))
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment")
    parser.add_argument("--no-variants", action="store_true")
    parser.add_argument("--keep", help="grade in this folder and keep it")
    parser.add_argument("--only", metavar="REGEX",
                        help="grade only the students whose id matches, e.g. 'reference|metrics--(peeking|wrong-values)'")
    args = parser.parse_args(argv)
    # Every course graded here is a throw-away copy with a gradebook.db of its
    # own: a COURSE_DB_URL naming the class's database (PostgreSQL) must not
    # reach its commands and recordings (grading.own_gradebook).
    os.environ.pop("COURSE_DB_URL", None)
    if args.assignment not in assignments():
        parser.error(f"no assignment {args.assignment!r}; the course has {', '.join(assignments())}")
    try:
        only = re.compile(args.only or "")
    except re.error as err:
        parser.error(f"--only {args.only!r} is not a regular expression: {err}")
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="coursecheck-"))
    base = grading.copy_course(workdir / "gen")
    grading.generate(base, args.assignment)
    students = submissions.class_for(base, args.assignment, variants=not args.no_variants)
    chosen = {sid: nbs for sid, nbs in students.items() if only.search(sid)}
    if not chosen:  # a typo in --only would otherwise pass the check, grading nobody
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        parser.error(f"--only {args.only!r} matches none of the {len(students)} students "
                     f"(e.g. {', '.join(sorted(students)[:3])})")
    students = chosen
    grades, status, seconds = grade_class(args.assignment, students, workdir / "grade")
    for sid in sorted(grades):
        if grades[sid] is None:
            print(f"{sid:60s} FAILED TO GRADE: {status.get(sid, {}).get('reason')}")
            continue
        score, max_score = grading.totals(grades[sid])
        cells = " ".join(f"{g['grade_id']}={g['score'] or 0:g}/{g['max_score']:g}"
                         for cells in grades[sid].values() for g in cells
                         if g["cell_type"] == "code")
        print(f"{sid:60s} {score:5g}/{max_score:<5g} {cells}")
    problems = verdicts(grades)
    for sid, msg in problems:
        print(f"PROBLEM {sid}: {msg}")
    print(f"graded {len(grades)} submissions in {seconds:.1f} s; {len(problems)} problems"
          f"; autograded notebooks in {workdir / 'grade'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
