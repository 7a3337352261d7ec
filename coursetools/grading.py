"""Running nbgrader on a course directory and reading its gradebook."""
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import ROOT, submissions


class NbgraderError(RuntimeError):
    pass


def nbgrader(args, course, timeout=None, check=True):
    """Run one nbgrader command with `course` as the course root. With
    check=False a failure is returned (returncode, output) instead of raised."""
    # nbgrader runs helpers (alembic) and kernels found on PATH: the course's
    # environment comes first.
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PYTHONHASHSEED="0",
               PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course,
                          capture_output=True, text=True, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise NbgraderError(f"nbgrader {' '.join(args)} failed in {course}:\n"
                            f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    return proc


def copy_course(dst, root=ROOT, with_release=False):
    """A throw-away course directory: config and source (and release)."""
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(root) / "nbgrader_config.py", dst)
    shutil.copytree(Path(root) / "source", dst / "source", dirs_exist_ok=True)
    if with_release and (Path(root) / "release").exists():
        shutil.copytree(Path(root) / "release", dst / "release", dirs_exist_ok=True)
    return dst


def generate(course, assignment):
    return nbgrader(["generate_assignment", assignment, "--force"], course)


def autograde(course, assignment, check=True):
    """Autograde every submission of `assignment`; the full log goes to
    autograde-<assignment>.log in the course folder."""
    proc = nbgrader(["autograde", assignment, "--force"], course, check=False)
    (Path(course) / f"autograde-{assignment}.log").write_text(proc.stdout + proc.stderr)
    if check and proc.returncode != 0:
        raise NbgraderError(f"nbgrader autograde {assignment} failed in {course}; "
                            f"see {Path(course) / f'autograde-{assignment}.log'}:\n{proc.stderr[-3000:]}")
    return proc


def read_grades(course, assignment, db_url=None):
    """student -> notebook -> list of grade dicts (one per graded cell)."""
    from nbgrader.api import Gradebook
    db_url = db_url or f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"
    out = {}
    with Gradebook(db_url, course_id="ml-interview") as gb:
        assignment_row = gb.find_assignment(assignment)
        for sub in assignment_row.submissions:
            per_nb = {}
            for snb in sub.notebooks:
                per_nb[snb.name] = [
                    {"grade_id": g.name, "score": g.score, "max_score": g.max_score,
                     "cell_type": g.cell_type, "needs_manual_grade": g.needs_manual_grade}
                    for g in sorted(snb.grades, key=lambda g: g.name)]
            out[sub.student.id] = per_nb
    return out


def grade_class(assignment, students, workdir, workers=None, root=ROOT):
    """Autograde many submissions of one assignment, split over `workers`
    throw-away course copies that run side by side (nbgrader itself grades
    one notebook after another). `students`: id -> {notebook name: nb}.
    Returns (grades as read_grades gives them, seconds taken)."""
    start = time.perf_counter()
    workdir = Path(workdir)
    base = copy_course(workdir / "base", root)
    generate(base, assignment)
    ids = sorted(students)
    workers = max(1, min(workers or os.cpu_count() or 1, len(ids)))
    shards = [ids[i::workers] for i in range(workers)]

    def run(shard_no):
        course = workdir / f"shard{shard_no}"
        shutil.copytree(base, course, dirs_exist_ok=True)
        for sid in shards[shard_no]:
            submissions.write_submission(course, sid, assignment, students[sid])
        # A submission nbgrader could not grade is missing from the gradebook:
        # the callers report it, the other submissions keep their grades.
        autograde(course, assignment, check=False)
        return read_grades(course, assignment)

    grades = {}
    with ThreadPoolExecutor(workers) as pool:
        for part in pool.map(run, range(workers)):
            grades.update(part)
    for sid in ids:
        grades.setdefault(sid, None)   # None: nbgrader failed to grade it
    return grades, time.perf_counter() - start


def totals(per_notebook, auto_only=True):
    """(score, max) summed over the graded cells of one student's notebooks."""
    score = max_score = 0.0
    for cells in per_notebook.values():
        for g in cells:
            if auto_only and g["cell_type"] != "code":
                continue
            score += g["score"] or 0.0
            max_score += g["max_score"]
    return score, max_score
