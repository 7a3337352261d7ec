"""Hand the feedback back: write the pages again, release them to the exchange.

    python -m coursetools.handback ASSIGNMENT
    (or: make feedback A=02_metrics)

After the written answers are graded in formgrader: `nbgrader
generate_feedback --force` writes every graded learner's page again
(feedback/<student>/<assignment>/, with the hand-given scores), then
`nbgrader release_feedback` puts the pages of the learners who submitted
through nbgrader's exchange into it, where each fetches their own with
`nbgrader fetch_feedback`.

A learner whose hand-in did not come through the exchange (`nbgrader
zip_collect`, a folder copied into submitted/, the demo's learners) lacks
the exchange's files beside their page (timestamp.txt, unless zip_collect
read a time from the file name, and submission_secret.txt), and nbgrader's
release_feedback stops at the first such learner it meets with
FileNotFoundError, leaving the learners after them without their pages.
Here they are left out of the release and named, with their pages to hand
out by other means (an LMS, say); everyone else's are released. A page
whose written answers are not graded yet shows them as 0: those learners
are named too (the pages are released all the same, as nbgrader does).

Exit status: 0, or 1 when nbgrader could not write or release the pages
(its message is printed).
"""
import argparse
from pathlib import Path

from . import ROOT, assignments, grading, interrupts, report

# what nbgrader's release_feedback reads beside each learner's page: written
# by `nbgrader submit` and carried through collect, autograde and
# generate_feedback
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")


def feedback_pages(course, assignment):
    """({student: [page, ...]}, [student, ...]): the pages under
    feedback/<student>/<assignment>/ of the learners graded now
    (grading.autograded_learners, whose pages generate_feedback writes), and
    the other learners' folders there, left from a submission no longer
    graded, which are not handed out."""
    graded = set(grading.autograded_learners(course, assignment))
    pages, stale = {}, []
    for folder in sorted((Path(course) / "feedback").glob(f"*/{assignment}")):
        html = sorted(folder.glob("*.html"))
        if folder.parent.name in graded and html:
            pages[folder.parent.name] = html
        elif folder.is_dir():
            stale.append(folder.parent.name)
    return pages, stale


def through_exchange(course, assignment, student):
    """Whether the learner's graded submission came through nbgrader's
    exchange: its feedback folder holds what release_feedback needs."""
    folder = Path(course) / "feedback" / student / assignment
    return all((folder / name).is_file() for name in EXCHANGE_FILES)


def release_commands(assignment, released, others):
    """The release_feedback command lines that release the pages of
    `released` and none of `others`: one, with nbgrader's
    student_id_exclude, unless an id to leave out holds the comma that
    option splits on; then one per learner released."""
    if not others:
        return [["release_feedback", assignment]]
    if not any("," in sid for sid in others):
        return [["release_feedback", assignment, f"--CourseDirectory.student_id_exclude={','.join(others)}"]]
    return [["release_feedback", assignment, f"--CourseDirectory.student_id={sid}"] for sid in released]


def main(argv=None, course=ROOT):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?", help="assignment id, e.g. 02_metrics")
    args = parser.parse_args(argv)
    course, assignment = Path(course), args.assignment
    if assignment not in assignments(course):
        parser.error(f"{f'unknown assignment {assignment}' if assignment else 'which assignment?'}: "
                     f"make feedback A=<one of {', '.join(assignments(course))}>")
    if not grading.autograded_learners(course, assignment):
        parser.error(f"no graded submission of {assignment} under autograded/: run `make grade A={assignment}` first")
    problem = grading.generate_feedback(course, assignment)
    if problem:
        print(f"PROBLEM {problem}\nno feedback released")
        return 1
    pages, stale = feedback_pages(course, assignment)
    print(f"feedback pages written for {len(pages)} learner{'s' * (len(pages) != 1)} of {assignment}: "
          f"feedback/<student>/{assignment}/")
    released = [sid for sid in pages if through_exchange(course, assignment, sid)]
    others = [sid for sid in pages if sid not in released]
    # said before the release, which may fail (no exchange set up, say)
    if others:
        print("not released, their submission did not come through the exchange (zip_collect, or copied into "
              "submitted/): hand these pages out yourself")
        for sid in others:
            for page in pages[sid]:
                print(f"  {sid}: {page.relative_to(course)}")
    pending = [f"{r['student']} ({r['manual_pending']})" for r in report.rows(course, [assignment])
               if r["student"] in pages and r["manual_pending"]]
    if pending:
        print(f"written answers not graded yet, shown as 0 on their pages: {', '.join(pending)}; grade them in "
              "formgrader, then run make feedback again")
    ungraded = sorted(set(grading.submitted_learners(course, assignment)) - set(pages))
    if ungraded:
        print(f"no page (not graded): {', '.join(ungraded)}; `make grade A={assignment} STUDENT=<id>` grades one")
    if not released:
        print("nothing released: no learner of it submitted through nbgrader's exchange")
        return 0
    # release_feedback takes every folder under feedback/: a learner's left
    # from a submission no longer graded stays out as well
    if stale:
        print(f"not released, no graded submission of theirs now: {', '.join(stale)} (feedback/<student>/{assignment}/ "
              "left from before)")
    for command in release_commands(assignment, released, others + stale):
        proc = grading.nbgrader(command, course, check=False)
        if proc.returncode != 0:
            print(f"PROBLEM {assignment}: release_feedback failed:\n{proc.stderr.strip()[-2000:]}\n"
                  "feedback not released")
            return 1
    print(f"released through nbgrader's exchange: {', '.join(released)} "
          f"(each fetches theirs: nbgrader fetch_feedback {assignment})")
    return 0


if __name__ == "__main__":
    interrupts.main(main, lambda err: interrupts.say(
        f"\nmake feedback: interrupted by {interrupts.cause(err)}. Run it again: it writes and releases every "
        "page again."))
