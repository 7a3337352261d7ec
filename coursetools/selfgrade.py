"""Grade your own work with the full (hidden) tests, away from any class data.

    python -m coursetools.selfgrade 01_baseline                 (your notebooks in release/01_baseline)
    python -m coursetools.selfgrade 01_baseline --from DIR      (or in another folder)
    make selfgrade A=01_baseline

Your notebooks are copied into a throw-away course directory and autograded
there as nbgrader would for an instructor, in a gradebook of its own; the
course's gradebook (gradebook.db, or the database COURSE_DB_URL names),
submitted/ and feedback/ are never touched. You see the points of every test
cell and the message of its first failing check, and an HTML feedback page
is written under selfgrade/<assignment>/ (hidden test code is not shown).
"""
import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from . import (ROOT, assignments, course_notebooks, grading, interrupts, notebooks as nbs, outputs, solutions,
               source_notebooks)
from .feedback import FeedbackRules

STUDENT = "me"
# where nbgrader's feedback pages load MathJax from (nbconvert's mathjax macro)
CDN_MATHJAX = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX-AMS_CHTML-full,Safe"


def report(course, assignment, student, grades, root=ROOT):
    """(lines to print, score, max) of one graded learner: the points of each
    test cell and why it failed, as the feedback page says it (FeedbackRules)."""
    lines, score, max_score = [], 0.0, 0.0
    for src in course_notebooks(assignment, root):
        path = Path(course) / "autograded" / student / assignment / src.name
        if not path.exists():  # one notebook of several not in the folder: graded on the others
            missed = sum(g["max_score"] for g in grades.get(src.stem, []) if g["cell_type"] == "code")
            max_score += missed
            lines.append(f"{assignment}/{src.name}: not in your folder, 0/{missed:g}")
            continue
        graded_nb = nbs.read(path)
        cells = {nbs.grade_id(c): c for c in graded_nb.cells if nbs.meta(c)}
        rules = FeedbackRules(graded_nb)
        lines.append(f"{assignment}/{src.name}")
        order = {grade_id: i for i, grade_id in enumerate(cells)}  # top to bottom, as the learner works
        for g in sorted(grades.get(src.stem, []), key=lambda g: order.get(g["grade_id"], len(order))):
            if g["cell_type"] != "code":
                lines.append(f"  {g['grade_id']:<38} written answer, {g['max_score']:g} point(s): not graded here; "
                             "compare yours with its rubric and the model answer in the worked solutions "
                             "(make site, or make solutions)")
                continue
            got = g["score"] or 0.0
            score += got
            max_score += g["max_score"]
            mark = "ok  " if got == g["max_score"] else "FAIL"
            message = "" if got == g["max_score"] else rules.first_failure(cells.get(g["grade_id"], {}))
            lines.append(f"  {mark} {g['grade_id']:<33} {got:g}/{g['max_score']:g}"
                         + (f"  {message}" if message else ""))
    return lines, score, max_score


def selfgrade(assignment, src_dir, out_dir, root=ROOT):
    """Grade the notebooks in src_dir; returns (lines to print, score, max, status)."""
    src_dir, out_dir = Path(src_dir), Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="course-selfgrade-") as tmp:
        course = grading.copy_course(Path(tmp) / "course", root)
        own = grading.own_gradebook(course)  # never the class's, even with COURSE_DB_URL set
        grading.generate(course, assignment, env=own)
        folder = course / "submitted" / STUDENT / assignment
        folder.mkdir(parents=True)
        for path in src_dir.iterdir():
            if path.is_file():
                shutil.copy(path, folder / path.name)
        status = grading.autograde_class(course, assignment, env=own)[STUDENT]
        if status["status"] == "failed":
            lines = [f"could not be graded: {status['reason']}"]
            if out_dir.exists():  # an earlier run's page would show grades these notebooks do not have
                shutil.rmtree(out_dir)
                lines.append(f"(the feedback page of an earlier run, in {out_dir}, was removed)")
            return lines, None, None, status
        grades = grading.read_grades(course, assignment, own["COURSE_DB_URL"])[STUDENT]
        lines, score, max_score = report(course, assignment, STUDENT, grades, root)
        grading.nbgrader(["generate_feedback", assignment, "--force"], course, env=own)
        feedback = course / "feedback" / STUDENT / assignment
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(feedback, out_dir)
        # The pages typeset their formulas with the MathJax copied beside
        # them, offline too, as the worked solutions do: nbgrader's feedback
        # template loads MathJax from a CDN of its own choosing (its
        # mathjax() macro, whatever the exporter's mathjax_url).
        solutions.copy_mathjax(out_dir / "mathjax")
        for page in out_dir.glob("*.html"):
            text = solutions.local_mathjax(page.read_text(encoding="utf-8"), CDN_MATHJAX, solutions.MATHJAX)
            text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner(grades.get(page.stem, [])), text, count=1)
            page.write_text(text, encoding="utf-8")
    return lines, score, max_score, status


def banner(cells):
    """The note at the top of a self-graded page (`cells`: the notebook's
    grades): its score counts the written answers, which no instructor has
    graded here, as 0, so a perfect notebook would read half marks."""
    score, max_score = grading.totals({"nb": cells}, auto_only=True)
    written = sum(g["max_score"] for g in cells if g["cell_type"] != "code")
    return ('<div class="selfgrade-note" style="border:1px solid #c9a227;background:#fff8e1;padding:0.6em 1em;'
            f'margin:1em">Self-grading: <b>autograded {score:g}/{max_score:g}</b>. The written answers '
            f'({written:g} points) are not graded here: the page shows them at 0 and counts them in its score. '
            "Compare yours with the rubric under each question and with the model answer in the worked "
            "solutions.</div>")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment", nargs="?")
    parser.add_argument("--from", dest="src", help="folder with your notebooks (default: release/<assignment>)")
    parser.add_argument("--out", help="where the HTML feedback goes (default: selfgrade/<assignment>)")
    args = parser.parse_args(argv)
    if args.assignment not in assignments():
        said = f"no assignment {args.assignment!r}" if args.assignment else "which assignment?"
        print(f"{said}: the course has {', '.join(assignments())} (make selfgrade A=01_baseline)", file=sys.stderr)
        return 2
    src = Path(args.src or ROOT / "release" / args.assignment)
    default_out = ROOT / "selfgrade" / args.assignment
    out = Path(args.out or default_out)
    if not src.is_dir():
        print(f"no folder {src.resolve()}: give the folder holding your notebooks with --from "
              "(make selfgrade ... FROM=folder)", file=sys.stderr)
        return 2
    names = [path.name for path in source_notebooks(args.assignment)]
    inner = src / args.assignment
    if not any((src / name).is_file() for name in names) and any((inner / name).is_file() for name in names):
        print(f"no notebook of {args.assignment} in {src.resolve()}, but its folder {args.assignment}/ has them: "
              f"give that folder (make selfgrade A={args.assignment} FROM={inner})", file=sys.stderr)
        return 2
    refused = outputs.refusal(out, default_out, "selfgrade")
    if out.resolve() == src.resolve() or out.resolve() in src.resolve().parents:
        # the page's folder is deleted and written again: the notebooks would go with it, default or not
        refused = (f"selfgrade: the feedback folder {out} holds your notebooks ({src}), and it is deleted and "
                   "written again whole: keep your notebooks elsewhere or give another --out. Nothing was changed.")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    # a cell that runs past the time limit is stopped there: say so before the wait
    print(f"grading your notebooks of {args.assignment} from {src} with the hidden tests; a cell that runs "
          f"past the time limit ({os.environ.get('COURSE_CELL_TIMEOUT', '60')} s) is stopped there", flush=True)
    lines, score, max_score, status = selfgrade(args.assignment, src, out)
    print("\n".join(lines))
    if score is None:
        return 1
    outputs.mark(out, default_out, "selfgrade")
    print(f"\nautograded total: {score:g}/{max_score:g}" + (f" ({status['reason']})" if status["reason"] else ""))
    pages = [out / f"{src.stem}.html" for src in course_notebooks(args.assignment)
             if (out / f"{src.stem}.html").is_file()]
    print("feedback page" + ("s" if len(pages) > 1 else "") + ": " + ", ".join(str(p) for p in pages))
    return 0


if __name__ == "__main__":
    # one message, not a traceback (coursetools/interrupts.py)
    interrupts.main(main, lambda err: interrupts.say(
        f"\nmake selfgrade: interrupted by {interrupts.cause(err)}. Nothing was graded, and your notebooks are "
        "as they were (they are graded in a throw-away copy); run it again for your grades."))
