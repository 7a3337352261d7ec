"""Running nbgrader on a course directory and reading its gradebook."""
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import ROOT, forkserver, outcomes

# the course's id in every gradebook (nbgrader_config.py, CourseDirectory.course_id)
COURSE_ID = "ml-interview"


class NbgraderError(RuntimeError):
    pass


def command_env(extra=None):
    """The environment of an nbgrader command: this process's, with `extra`
    variables set (or, with value None, removed)."""
    # nbgrader runs helpers (alembic) and kernels found on PATH: the course's
    # environment comes first.
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PYTHONHASHSEED="0", PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    # One math thread per kernel: grading runs several kernels side by side,
    # and oversubscribed BLAS/OpenMP threads make every one of them crawl.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    for var, value in (extra or {}).items():
        if value is None:
            env.pop(var, None)
        else:
            env[var] = value
    return env


def nbgrader(args, course, timeout=None, check=True, env=None, nice=0):
    """Run one nbgrader command with `course` as the course root. With
    check=False a failure is returned (returncode, output) instead of raised.
    `env`: variables set (or, with value None, removed) for this run only;
    `nice`: how much lower its CPU priority is."""
    env = command_env(env)
    if args and args[0] in ("autograde", "generate_solution") and env.get("COURSE_AUTOGRADE_STAGE") != "record":
        # its kernels fork from this process's zygote, which keeps the
        # libraries it imported for the commands before (coursetools/zygote.py)
        from . import sandbox
        env.pop("COURSE_KERNEL_ZYGOTE", None)
        shared = sandbox.zygote_for_command(env)
        if shared:
            env["COURSE_KERNEL_ZYGOTE"] = shared
    proc = forkserver.run(args, course, env, timeout=timeout, nice=nice)
    if check and proc.returncode != 0:
        raise NbgraderError(f"nbgrader {' '.join(args)} failed in {course}:\n"
                            f"{proc.stdout[-4000:]}\n{proc.stderr[-8000:]}")
    return proc


def run_python(args, cwd=None):
    """Run the course environment's Python (e.g. nbconvert) and fail loudly."""
    proc = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise NbgraderError(f"python {' '.join(args)} failed:\n{proc.stderr[-4000:]}")
    return proc


def copy_course(dst, root=ROOT, with_release=False):
    """A throw-away course directory: config and source (and release). Its
    nbgrader commands take env=own_gradebook(dst)."""
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(root) / "nbgrader_config.py", dst)
    # nbgrader_config.py registers the course's preprocessors from coursetools/
    shutil.copytree(Path(root) / "coursetools", dst / "coursetools", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(Path(root) / "source", dst / "source", dirs_exist_ok=True)
    if with_release and (Path(root) / "release").exists():
        shutil.copytree(Path(root) / "release", dst / "release", dirs_exist_ok=True)
    return dst


def own_gradebook(course):
    """`env` of the nbgrader commands run in a throw-away copy of the course
    (copy_course): the gradebook.db in its folder, whatever database
    COURSE_DB_URL names. An instructor whose class gradebook is on
    PostgreSQL has COURSE_DB_URL set in their shell; without this, `make
    release`, `make solutions`, `make selfgrade` (its learner "me") and the
    benchmark would generate and grade in the class's gradebook."""
    return {"COURSE_DB_URL": f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"}


def generate(course, assignment, release_to=None, env=None):
    """nbgrader generate_assignment: the assignment's notebooks and cells into
    the gradebook, its student version into release/ (or into the folder
    `release_to`, leaving release/ as it is). `env` as for nbgrader()."""
    args = ["generate_assignment", assignment, "--force"]
    if release_to is not None:
        args.append(f"--CourseDirectory.release_directory={Path(release_to).resolve()}")
    return nbgrader(args, course, env=env)


def generate_or_problem(course, assignment, release_to=None):
    """generate(), for a command that goes on with the other assignments when
    one fails: None, or one line saying why nbgrader could not generate it
    (the exception its log ends on)."""
    try:
        generate(course, assignment, release_to)
    except NbgraderError as err:
        return f"{assignment}: generate_assignment failed: {outcomes.error_line(str(err), 300) or 'see above'}"
    return None


def generate_feedback(course, assignment):
    """Feedback pages of every graded learner of `assignment`; a failure is
    returned as one line (None when it worked), so that the other
    assignments still get theirs. With no learner of it autograded (every
    one failed) there is nothing to write, and nbgrader, which would stop
    on "No notebooks were matched", is not asked."""
    if not autograded_learners(course, assignment):
        return None
    proc = nbgrader(["generate_feedback", assignment, "--force"], course, check=False)
    if proc.returncode != 0:
        return f"{assignment}: generate_feedback failed: {proc.stderr.strip()[-300:]}"
    return None


def generate_feedback_many(course, assignment_ids):
    """generate_feedback of several assignments side by side, one command
    per core at a time: each only reads the gradebook and writes its own
    feedback/<student>/<assignment>/ folders. Returns the failures, one line
    each, in the assignments' order."""
    ids = list(assignment_ids)
    with ThreadPoolExecutor(max(1, min(len(ids), os.cpu_count() or 1))) as pool:
        return [problem for problem in pool.map(lambda a: generate_feedback(course, a), ids) if problem]


def drop_feedback_of_failed(course, status):
    """Remove feedback/<student>/<assignment>/ of each learner that `status`
    ({assignment: {student: {"status", ...}}}, a grading run's) says could
    not be graded: nbgrader writes no feedback for them, and the page of an
    earlier submission would be handed out (release_feedback) as this one's.
    Returns the (student, assignment) pairs whose page was removed."""
    dropped = []
    for assignment, students in status.items():
        for sid, st in sorted(students.items()):
            folder = Path(course) / "feedback" / sid / assignment
            if st["status"] == outcomes.FAILED and folder.is_dir():
                shutil.rmtree(folder)
                dropped.append((sid, assignment))
    return dropped


def autograde(course, assignment, check=True, notebook=None, student=None, env=None):
    """Autograde every submission of `assignment` (only notebook `notebook`,
    a name without .ipynb, and only learner `student`, when given); the full
    log goes to autograde-<assignment>.log in the course folder (appended to
    for a single learner)."""
    args = (["autograde", assignment, "--force"] + (["--notebook", notebook] if notebook else [])
            + (["--student", student] if student else []))
    proc = nbgrader(args, course, check=False, env=env)
    with (Path(course) / f"autograde-{assignment}.log").open("a" if student else "w") as log:
        log.write((f"\n--- {student} alone ---\n" if student else "") + proc.stdout + proc.stderr)
    if check and proc.returncode != 0:
        raise NbgraderError(f"nbgrader autograde {assignment} failed in {course}; "
                            f"see {Path(course) / f'autograde-{assignment}.log'}:\n{proc.stderr[-3000:]}")
    return proc


def db_url_of(course, db_url=None):
    """The course's gradebook: db_url, else COURSE_DB_URL (as in
    nbgrader_config.py), else gradebook.db in the course folder."""
    return db_url or os.environ.get("COURSE_DB_URL") or f"sqlite:///{Path(course).resolve() / 'gradebook.db'}"


def missing_gradebook(course, db_url=None):
    """The path of the course's gradebook when it is an SQLite file that is
    not there yet (opening it would make an empty one), else None."""
    url = db_url_of(course, db_url)
    path = Path(url.removeprefix("sqlite:///"))
    return path if url.startswith("sqlite:///") and not path.is_file() else None


def read_grades(course, assignment, db_url=None):
    """student -> notebook -> list of grade dicts (one per graded cell; a
    test cell's auto_score is None until autograde has scored it)."""
    from nbgrader.api import Gradebook
    db_url = db_url_of(course, db_url)
    out = {}
    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        assignment_row = gb.find_assignment(assignment)
        for sub in assignment_row.submissions:
            per_nb = {}
            for snb in sub.notebooks:
                per_nb[snb.name] = [
                    {"grade_id": g.name, "score": g.score, "max_score": g.max_score,
                     "auto_score": g.auto_score, "cell_type": g.cell_type,
                     "needs_manual_grade": g.needs_manual_grade}
                    for g in sorted(snb.grades, key=lambda g: g.name)]
            out[sub.student.id] = per_nb
    return out


def gradebook_students(course, db_url=None):
    """The ids of every student the gradebook holds."""
    from nbgrader.api import Gradebook
    with Gradebook(db_url_of(course, db_url), course_id=COURSE_ID) as gb:
        return {student.id for student in gb.students}


def late_penalties(course, assignment, db_url=None):
    """student -> the points nbgrader's late penalty takes off their
    submission of `assignment` (the sum over its notebooks; 0 when on time
    or without a due date)."""
    from nbgrader.api import Gradebook
    with Gradebook(db_url_of(course, db_url), course_id=COURSE_ID) as gb:
        return {sub.student.id: sum(nb.late_submission_penalty or 0.0 for nb in sub.notebooks)
                for sub in gb.find_assignment(assignment).submissions}


def copy_assignment(db_url, assignment, path):
    """Write a new SQLite gradebook at `path` holding only `assignment` as
    the gradebook at db_url has it: the rows generate_assignment wrote (the
    assignment, its notebooks, their grade, solution, task and source cells),
    ids included, and no learner. `nbgrader autograde` reads the instructor's
    cells from there (OverwriteCells), so a course whose source/ changed
    since it was generated is graded on what its gradebook holds, as serial
    `nbgrader autograde` grades it."""
    from nbgrader.api import Base, Gradebook, MissingEntry
    from sqlalchemy import Column, create_engine, inspect

    def copy(row):
        # a new row of the same model (made as a query makes it: nbgrader's
        # Assignment() would drop the id) with its columns, not the totals
        # nbgrader computes from other rows
        mapper = inspect(type(row))
        new = mapper.class_manager.new_instance()
        for attr in mapper.column_attrs:
            if all(isinstance(col, Column) for col in attr.columns):
                setattr(new, attr.key, getattr(row, attr.key))
        return new

    url = f"sqlite:///{Path(path).resolve()}"
    engine = create_engine(url)
    # The tables made here: Gradebook() would make them too, and first ask a
    # new `alembic heads` process for the schema's revision (see forkserver.py)
    Base.metadata.create_all(engine)
    engine.dispose()
    with Gradebook(db_url, course_id=COURSE_ID) as course_gb, \
            Gradebook(url, course_id=COURSE_ID) as gb:
        try:
            original = course_gb.find_assignment(assignment)
        except MissingEntry:
            raise NbgraderError(f"{assignment} is not in the gradebook ({db_url}): generate it first "
                                f"(nbgrader generate_assignment {assignment})") from None
        rows = [copy(original)]
        for nb in original.notebooks:
            rows.append(copy(nb))
            rows += [copy(cell) for cells in (nb.grade_cells, nb.solution_cells, nb.task_cells, nb.source_cells)
                     for cell in cells]
        gb.db.add_all(rows)
        gb.db.commit()


def dump_gradebook(db_url):
    """Everything autograde writes into a gradebook, as plain data that two
    gradebooks can be compared by: per submission (student, assignment) its
    timestamp and, per notebook, late penalty, flags, grades and comments."""
    from nbgrader.api import Gradebook
    out = {}
    with Gradebook(db_url, course_id=COURSE_ID) as gb:
        for assignment in gb.assignments:
            for sub in assignment.submissions:
                out[(sub.student.id, assignment.name)] = {
                    "timestamp": sub.timestamp,
                    "notebooks": {
                        snb.name: {
                            "late_submission_penalty": snb.late_submission_penalty,
                            "flagged": snb.flagged,
                            "grades": sorted((g.name, g.auto_score, g.manual_score, g.extra_credit,
                                              g.max_score, g.needs_manual_grade) for g in snb.grades),
                            "comments": sorted((c.name, c.auto_comment, c.manual_comment)
                                               for c in snb.comments),
                        } for snb in sub.notebooks},
                }
    return out


def submitted_learners(course, assignment, only=None):
    """The learners with a submitted/<student>/<assignment>/ folder, sorted
    (a hidden student folder left out, as nbgrader leaves it out); only
    those in `only` when given (make grade STUDENT=...)."""
    return sorted(p.parent.name for p in (Path(course) / "submitted").glob(f"*/{assignment}")
                  if p.is_dir() and not p.parent.name.startswith(".") and (only is None or p.parent.name in only))


def autograded_learners(course, assignment):
    """The learners with a graded notebook of `assignment` under
    autograded/<student>/<assignment>/, whose feedback pages
    generate_feedback writes, sorted."""
    return sorted({p.parent.parent.name for p in (Path(course) / "autograded").glob(f"*/{assignment}/*.ipynb")})


def stray_submissions(course, assignment_ids):
    """What nbgrader grades as none of `assignment_ids` (the course's)
    under submitted/<student>/: a folder named after no assignment
    (`01_Baseline`), a hidden student folder, and a notebook beside all of
    the assignment's own (`metrics-1.ipynb`, a second upload: nbgrader
    grades `metrics.ipynb`, and only its log says it skipped the other;
    with one of the assignment's own missing, the learner's row names the
    others instead, outcomes.preflight). Returns ["path (why)"]."""
    strays = []
    for folder in sorted((Path(course) / "submitted").glob("*/*")):
        if not folder.is_dir():
            continue
        rel = folder.relative_to(course)
        if folder.parent.name.startswith("."):
            strays.append(f"{rel} (a hidden folder: nbgrader skips it)")
        elif folder.name not in assignment_ids:
            strays.append(f"{rel} (no assignment {folder.name}; the course has {', '.join(assignment_ids)})")
        else:
            own = outcomes.expected_notebooks(course, folder.name)
            present = {p.name for p in folder.glob("*.ipynb") if not p.name.startswith(".")}
            if set(own) <= present:
                strays += [f"{rel / name} (not a notebook of {folder.name}, which grades {', '.join(own)}: "
                           "a second upload?)" for name in sorted(present - set(own))]
    return strays


def autograde_class(course, assignment, notebook=None, env=None):
    """Autograde every submission of `assignment` in `course` (only notebook
    `notebook` when given) and tell, for each learner, whether it was
    graded: student -> {"status", "reason"}."""
    students = submitted_learners(course, assignment)
    proc = autograde(course, assignment, check=False, notebook=notebook, env=env)
    expected = [f"{notebook}.ipynb"] if notebook else None
    status = outcomes.classify(course, assignment, students, proc.stdout + proc.stderr, expected=expected)
    # A kernel can fail to start when many start at once (two kernels drawing
    # the same free port); such a submission gets one more try, alone. A
    # submission that kills its kernel fails both times. One whose kernel was
    # stopped for not answering after a timeout is not tried again: it would
    # wait out the same time limit twice more.
    for sid, st in sorted(status.items()):
        if (st["status"] == outcomes.FAILED and st["reason"] != outcomes.KERNEL_STOPPED
                and not outcomes.preflight(course, assignment, sid, expected)):
            retry = autograde(course, assignment, check=False, notebook=notebook, student=sid, env=env)
            status.update(outcomes.classify(course, assignment, [sid], retry.stdout + retry.stderr, expected=expected))
    return status


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
