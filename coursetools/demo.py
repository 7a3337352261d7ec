"""The main job: release, a demo class, autograding, feedback and a grade report.

    python -m coursetools.demo        (or: make demo)

Run from a fresh clone, it regenerates release/ from source/, hands in three
demo learners per assignment (reference solution, untouched release, a few
realistic mistakes) under submitted/, autogrades them in parallel on a local Dask cluster
(coursetools/parallel.py) into autograded/ and gradebook.db, writes
feedback/ and writes reports/grades.csv. The gradebook is always the
gradebook.db in the course folder: a COURSE_DB_URL in the shell names a
class's database (README, The gradebook), which the demo learners must not
join.
"""
import os
import time
from pathlib import Path

from . import (ROOT, assignments, grading, interrupts, notebooks as nbs, parallel, release, report, sandbox,
               source_notebooks, submissions)
from .grade import interrupted

DEMO_STUDENTS = ("reference-learner", "untouched-release", "learner-with-mistakes")
# One more learner hands in a notebook that is not valid JSON (a truncated
# upload) for the first assignment: the report must say it could not be
# graded instead of showing a zero. It is the only failure the demo expects.
BROKEN_STUDENT = "learner-broken-upload"


def demo_class(course, assignment, root=ROOT):
    """Demo submissions of one assignment: student id -> {notebook name: nb}."""
    release = Path(course) / "release" / assignment
    out = {sid: {} for sid in DEMO_STUDENTS}
    for src_path in source_notebooks(assignment, root):
        rel = nbs.read(release / src_path.name)
        ref = submissions.reference(rel, nbs.read(src_path))
        out["reference-learner"][src_path.name] = ref
        out["untouched-release"][src_path.name] = rel
        # A learner who makes a couple of the usual mistakes: the first wrong
        # variant of every other graded name of the notebook.
        mistaken, seen = ref, set()
        for vpath in submissions.variant_files(assignment, src_path.stem, root):
            parts = vpath.stem.split("__")
            if parts[0] != "wrong" or parts[1] in seen:
                continue
            seen.add(parts[1])
            if len(seen) % 2 == 1:
                mistaken = submissions.apply_variant(mistaken, vpath.read_text())
        out["learner-with-mistakes"][src_path.name] = mistaken
    return out


def hand_in_broken(course, assignment, root=ROOT):
    """The broken upload: the first notebook of the assignment cut in half."""
    folder = Path(course) / "submitted" / BROKEN_STUDENT / assignment
    folder.mkdir(parents=True, exist_ok=True)
    first = source_notebooks(assignment, root)[0].name
    text = (Path(course) / "release" / assignment / first).read_text()
    (folder / first).write_text(text[: len(text) // 2])


def class_learners(course):
    """Learners the course holds besides the demo's: submitted/<student>/
    folders and the gradebook's students (when it exists). A demo run among
    them would grade them again (hand-given scores back to review) and put
    the demo learners into their gradebook, report and feedback."""
    course = Path(course)
    found = {p.name for p in (course / "submitted").glob("*") if p.is_dir() and not p.name.startswith(".")}
    if not grading.missing_gradebook(course):
        found |= grading.gradebook_students(course)
    return sorted(found - set(DEMO_STUDENTS) - {BROKEN_STUDENT})


def _learners(others):
    """'2 learners besides the demo's: alice, bob' (the first five named)."""
    return (f"{len(others)} learner{'s' if len(others) != 1 else ''} besides the demo's: "
            f"{', '.join(others[:5])}{', ...' if len(others) > 5 else ''}")


def clean_refusal(course=ROOT):
    """What `make clean` says instead of deleting a class (the Makefile asks
    before it deletes; FORCE=1 skips the question): None when the course
    holds no learner but the demo's."""
    others = class_learners(course)
    if not others:
        return None
    return (f"make clean: stopped: this course holds a class ({_learners(others)}), and make clean deletes submitted/, "
            "autograded/, feedback/, reports/ and gradebook.db, with the scores you gave by hand. Nothing was "
            "deleted. To delete them all the same: make clean FORCE=1")


def main(course=ROOT):
    start = time.perf_counter()
    course = Path(course)
    if os.environ.pop("COURSE_DB_URL", None):  # for this command and the nbgrader commands it runs
        print("[demo] COURSE_DB_URL is set: the demo grades into this folder's gradebook.db, not that database",
              flush=True)
    ids = assignments(course)
    problems = []  # what went wrong beyond the expected broken upload
    ready = []
    work = release.unsaved_work(ids, course)
    if work:
        print(f"[demo] {release.refusal('make demo', work)}")
        return 1
    others = class_learners(course)
    if others:
        print(f"[demo] stopped: this course holds a class ({_learners(others)}), and the demo would grade them "
              "again and put its own learners into their gradebook, report and feedback. Run the demo in a "
              "fresh clone of the course; grade a class with `make grade` (README, For instructors)")
        return 1
    for assignment in ids:
        print(f"[demo] generating release/{assignment}", flush=True)
        problem = grading.generate_or_problem(course, assignment)
        if problem:
            problems.append(problem)
            continue
        for sid, notebooks_by_name in demo_class(course, assignment).items():
            submissions.write_submission(course, sid, assignment, notebooks_by_name)
        if assignment == ids[0]:
            hand_in_broken(course, assignment)
        ready.append(assignment)
    release.remember_generated(ready, course)
    print(f"[demo] autograding {', '.join(ready)} on a local Dask cluster; {sandbox.status()}", flush=True)
    status, seconds = parallel.autograde_assignments(course, ready)
    print(f"[demo] autograded in {seconds:.0f} s", flush=True)
    print(f"[demo] writing feedback for {', '.join(ready)}", flush=True)
    problems += grading.generate_feedback_many(course, ready)
    grading.drop_feedback_of_failed(course, status)
    rows = report.rows(course, ready, status=status)
    path = report.write_csv(rows, course / "reports" / "grades.csv")
    _, n_failed, text = report.summary(rows)
    unexpected = [r for r in rows if r["status"] == "failed" and r["student"] != BROKEN_STUDENT]
    print()
    print(report.format_table(rows))
    print()
    print(f"[demo] {text}")
    print(f"[demo] expected failures: 1 ({BROKEN_STUDENT}); unexpected: {len(unexpected)}")
    for problem in problems:
        print(f"[demo] PROBLEM {problem}")
    print(f"[demo] done in {time.perf_counter() - start:.0f} s; report: {path.relative_to(course)}; "
          f"feedback: feedback/<student>/<assignment>/")
    print("[demo] the demo learners stay in submitted/, autograded/, feedback/ and gradebook.db: "
          "`make clean` removes them before a real class (README, For instructors)")
    # The exit status counts what failed unexpectedly: submissions, and
    # assignments that could not be released or given feedback.
    return min(len(unexpected) + len(problems), 100)


if __name__ == "__main__":
    interrupts.main(main, lambda err: interrupted("make demo", err))
