"""Autograde a class on Dask, with a progress bar, and write the grade report.

    python -m coursetools.grade [ASSIGNMENT ...] [--student ID ...] [--scheduler tcp://host:8786]
                                [--workers N] [--feedback]
    (or: make grade A=01_baseline [STUDENT=alice] [SCHEDULER=tcp://host:8786] [WORKERS=N])

Grades every learner under submitted/ for the given assignments (default:
every assignment with submissions), or only the learners named with
--student (the others keep their grades, and the scores given them by hand
are not marked for review again), into autograded/ and the gradebook
(gradebook.db, or COURSE_DB_URL, e.g. PostgreSQL; the gradebook learns the
assignments' cells from source/ first, and release/ is left as it is), then writes
reports/grades.csv (every assignment in the gradebook: the others as
earlier runs left them) and prints the table of this run's assignments.
Without --scheduler, a LocalCluster runs on this machine: one worker per
core, each a thread of this process (parallel.cluster).
Exit status: the number of submissions that could not be graded, plus the
assignments that could not be generated or whose feedback failed (max 100).
An assignment nbgrader cannot generate is named (PROBLEM) and the others
are graded; a run that cannot grade anyone (no cluster, say) changes no
learner's grades, feedback or report.

Faults: a worker lost mid-task costs a retry of its task, and a run killed
while it records grades is picked up by running the command again (it
re-records every learner). Either way the progress bar ("retried=N"), the
learners' reasons and the summary line say who was graded again. Ctrl-C,
SIGTERM or SIGHUP (the terminal closed) stops the run at once, as a kill
would, and says so in one message (exit status 130, 143 or 129).
"""
import argparse
import tempfile
from pathlib import Path

from . import ROOT, assignments, grading, interrupts, parallel, report, sandbox


def main(argv=None, course=ROOT):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: all with submissions)")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    parser.add_argument("--workers", type=int, default=0, help="local workers (default: one per core)")
    parser.add_argument("--student", action="append", metavar="ID",
                        help="grade only this learner (again: --student alice --student bob); default: everyone")
    parser.add_argument("--feedback", action="store_true", help="also write feedback/ for every learner")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    if args.scheduler and args.workers:
        parser.error("--workers (WORKERS=) sizes the local cluster; with --scheduler (SCHEDULER=) the workers are "
                     "the ones started for that scheduler: give one of the two")
    course = Path(course)
    course_ids = assignments(course)
    unknown = [a for a in args.assignments if a not in course_ids]
    if unknown:
        parser.error(f"unknown assignment(s) {', '.join(unknown)}; the course has {', '.join(course_ids)}")
    strays = grading.stray_submissions(course, course_ids)
    chosen = set(args.student) if args.student else None
    ids = [a for a in args.assignments or course_ids if grading.submitted_learners(course, a, only=chosen)]
    if not ids:
        whose = f" by {', '.join(sorted(chosen))}" if chosen else ""
        parser.error(f"nothing to grade: no submissions of {', '.join(args.assignments) or 'any assignment'}{whose} "
                     "under submitted/<student>/<assignment>/"
                     + "".join(f"\n  not graded: {stray}" for stray in strays))
    strays += [f"{a} (no submissions under submitted/<student>/{a}/)" for a in args.assignments if a not in ids]
    strays += [f"{sid} (no submission of {', '.join(ids)} under submitted/{sid}/)"
               for sid in sorted(chosen or ())
               if not any(grading.submitted_learners(course, a, only={sid}) for a in ids)]
    for stray in strays:  # said before the wait, and left alone
        print(f"not graded: {stray}", flush=True)
    # The gradebook must know the assignment's notebooks and cells; the
    # student version generation also writes goes to a throw-away folder:
    # release/ is what the learners were given, and may hold a learner's own
    # answers (README, For learners).
    # An assignment nbgrader cannot generate (a source notebook broken, say)
    # is named and left out; the others are graded.
    with tempfile.TemporaryDirectory(prefix="course-grade-") as tmp:
        generated = {a: grading.generate_or_problem(course, a, release_to=tmp) for a in ids}
    problems = [problem for problem in generated.values() if problem]
    ready = [a for a, problem in generated.items() if not problem]
    if not ready:
        return _nothing_graded(problems, "no assignment could be generated", len(problems))
    ids = ready
    status, seconds = parallel.autograde_assignments(course, ids, scheduler=args.scheduler,
                                                     workers=args.workers or None, progress=not args.no_progress,
                                                     students=chosen)
    lost = [st for students in status.values() for st in students.values()]
    if lost and all(st.get("not_run") for st in lost):  # no cluster at all (a scheduler not there, say)
        return _nothing_graded(problems, lost[0]["reason"].removeprefix("not graded: "), len(lost) + len(problems))
    # an assignment whose feedback fails does not keep the others from theirs, nor the report
    problems += grading.generate_feedback_many(course, ids) if args.feedback else []
    dropped = grading.drop_feedback_of_failed(course, status)
    # The report file holds the whole course, every assignment the gradebook
    # has: a week's `make grade A=...` does not drop the weeks before. The
    # table, the summary and the exit status are this run's.
    course_rows = report.rows(course, course_ids, status=status)
    path = report.write_csv(course_rows, course / "reports" / "grades.csv")
    rows = [r for r in course_rows if r["assignment"] in ids and (chosen is None or r["student"] in chosen)]
    _, n_failed, text = report.summary(rows)
    print(report.format_table(rows))
    for problem in problems:
        print(f"PROBLEM {problem}")
    if dropped:
        print("feedback of an earlier submission removed (this one could not be graded): "
              + ", ".join(f"feedback/{sid}/{a}/" for sid, a in dropped))
    print(f"\n{text} in {seconds:.0f} s; report: {path}\n{sandbox.status()}")
    status = min(n_failed + len(problems), 100)
    if status:
        # make prints "Error N" for it: say that the rest was written
        print(f"exit status {status}: the submissions that could not be graded and the problems above; "
              "every other grade, the feedback and the report are written"
              + (" (why each failed: the table above, and autograde-<assignment>.log)" if n_failed else ""))
    return status


def _nothing_graded(problems, why, failures):
    """What a run that graded no learner says (it leaves their grades,
    feedback/ and reports/ as they were); returns its exit status."""
    print("\n".join([f"PROBLEM {problem}" for problem in problems]
                    + [f"nothing graded: {why}; the learners' grades, feedback/ and reports/ are as they were"]))
    return min(failures, 100)


def interrupted(command, err=None):
    """What a stopped run (Ctrl-C, SIGTERM, SIGHUP: coursetools/interrupts.py)
    leaves, in one message instead of a traceback from each of its
    processes."""
    interrupts.say(f"\n{command}: interrupted by {interrupts.cause(err)}. The learners recorded before it keep "
                   f"their grades in the gradebook and autograded/; the report and feedback were not written. "
                   f"Run `{command}` again to grade the whole class (it grades every learner again).")


if __name__ == "__main__":
    interrupts.main(main, lambda err: interrupted("make grade", err))
