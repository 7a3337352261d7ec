"""Parallel autograding on Dask distributed.

nbgrader autogrades one notebook after another in one process. Here the
class is split by learner into tasks (no two tasks hold the same learner),
and Dask workers run them: a LocalCluster on this machine by default, or
the workers of an existing scheduler (`scheduler="tcp://host:8786"`),
e.g. a Slurm or Kubernetes cluster started with dask-jobqueue or
dask-kubernetes (README, "Grading a large class").

Each task is self-contained, so a worker needs no shared folder: it gets
the course's config, coursetools/, source/ and a gradebook holding only the
assignment (one payload, sent once to each worker), plus its learners'
submitted files. In a throw-away course it runs `nbgrader autograde` with
only nbgrader's Execute (COURSE_AUTOGRADE_STAGE=execute, the course's
timeout and one retry of a failed kernel included) and sends back the
executed notebooks and each learner's status.

The gradebook is then written by one process only: `nbgrader autograde` in
the course itself, with Execute replaced by ReplayExecution
(COURSE_AUTOGRADE_STAGE=record), which takes the workers' outputs through
the rest of nbgrader's pipeline (output limits, SaveAutoGrades, late
penalties, autograded/). SQLite thus never sees two writers, and the
gradebook is the one serial `nbgrader autograde` would write, on SQLite
or on PostgreSQL (COURSE_DB_URL).
"""
import io
import logging
import os
import shutil
import socket
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from . import ROOT, grading, outcomes

EXECUTE = "execute"
RECORD = "record"


def _files(folder, patterns=("**/*",)):
    folder = Path(folder)
    out = {}
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                out[str(path.relative_to(folder))] = path.read_bytes()
    return out


def _write(folder, files):
    for rel, data in files.items():
        path = Path(folder) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def local_gradebook(folder):
    """Worker runs keep their (throw-away) gradebook in their own folder,
    whatever database the course itself uses."""
    return {"COURSE_DB_URL": f"sqlite:///{Path(folder).resolve() / 'gradebook.db'}",
            "COURSE_AUTOGRADE_STAGE": None}


def course_payload(course, assignment, workdir=None):
    """What every worker needs to grade `assignment`: the course's config,
    coursetools/, source/, and a fresh gradebook holding only the assignment
    (generate_assignment in a copy under `workdir`; without workdir, `course`
    is such a copy already). {relative path: bytes}."""
    base = Path(course)
    if workdir is not None:
        base = grading.copy_course(Path(workdir) / "payload", root=course)
        grading.nbgrader(["generate_assignment", assignment, "--force"], base, env=local_gradebook(base))
    files = {}
    for pattern in ("nbgrader_config.py", "coursetools/*.py", "source/**/*", "gradebook.db"):
        files.update(_files(base, (pattern,)))
    return files


def execute_learners(payload, assignment, notebook, learners):
    """Dask task: execute the submissions of `learners` ({student: {relative
    path: bytes}}, their submitted/<student>/<assignment>/ folders) in a
    throw-away course. Returns {student: {"status", "reason", "executed":
    {notebook file name: bytes}}} and the nbgrader log."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="course-worker-") as tmp:
        course = Path(tmp)
        _write(course, payload)
        for sid, files in learners.items():
            _write(course / "submitted" / sid / assignment, files)
        env = dict(local_gradebook(course), COURSE_AUTOGRADE_STAGE=EXECUTE)
        status = grading.autograde_class(course, assignment, notebook=notebook, env=env)
        log = (course / f"autograde-{assignment}.log").read_text()
        out = {}
        for sid in learners:
            done = course / "autograded" / sid / assignment
            executed = {p.name: p.read_bytes() for p in sorted(done.glob("*.ipynb"))}
            if status[sid]["status"] == outcomes.FAILED:
                executed = {}
            out[sid] = dict(status[sid], executed=executed)
        head = (f"--- worker {socket.gethostname()} pid {os.getpid()}: {', '.join(learners)} "
                f"in {time.perf_counter() - start:.1f} s ---\n")
        return out, head + log


def partition(students, workers, most=10):
    """Consecutive slices of the sorted learners, one learner in exactly one
    slice: about two tasks per worker (so a slow slice can be balanced by
    the others), and at most `most` learners per task, so that a large class
    spreads over many workers and the progress bar moves."""
    students = sorted(students)
    if not students:
        return []
    size = max(1, min(most, -(-len(students) // (2 * max(1, workers)))))
    return [students[i:i + size] for i in range(0, len(students), size)]


def _zip_coursetools():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path in sorted((ROOT / "coursetools").glob("*.py")):
            z.write(path, f"coursetools/{path.name}")
    return buf.getvalue()


# A worker here spends its time waiting on one notebook kernel; Dask's
# sampling profiler (every 10 ms) and fast memory and system monitors would
# take CPU from the kernels on a small machine (about 10% on 2 cores).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "2s",
}


@contextmanager
def cluster(scheduler=None, workers=None):
    """A Dask client: on the scheduler at address `scheduler`, or on a
    LocalCluster of `workers` single-threaded worker processes (default: one
    per core). Each task runs one notebook kernel at a time."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            # Remote workers have the course's Python environment
            # (requirements.txt) but not necessarily this checkout.
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "coursetools.zip"
                path.write_bytes(_zip_coursetools())
                client.upload_file(str(path))
            yield client
        return
    workers = max(1, workers or os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="course-dask-") as tmp, dask.config.set(QUIET_WORKERS):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=":0", silence_logs=logging.ERROR,
                          local_directory=tmp) as local, Client(local) as client:
            yield client


class Progress:
    """graded/total and failures, as a tqdm bar (to stderr) or not at all."""

    def __init__(self, total, desc, enabled=True):
        self.failed = 0
        self.bar = None
        if enabled:
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=desc, unit="learner", file=sys.stderr,
                            dynamic_ncols=True, postfix={"failed": 0})

    def update(self, results):
        self.failed += sum(1 for r in results.values() if r["status"] == outcomes.FAILED)
        if self.bar is not None:
            self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(len(results))

    def close(self):
        if self.bar is not None:
            self.bar.close()


def autograde_many(targets, assignment, client, payload, progress=True, db_url=None):
    """Autograde `assignment` in several course folders with one Dask client.
    targets: [(course, notebook or None)], every learner handed in under
    course/submitted/ graded (on `notebook` alone when given).
    db_url: the gradebook (default: as nbgrader_config.py says).
    Each finished task is recorded while the workers go on with the others,
    by one recorder thread, one task after another.
    Returns {course: {student: {"status", "reason"}}}."""
    from distributed import as_completed

    # One future for the whole payload, under a key of its own: scattering
    # the dict itself would make each file path a Dask key, shared by every
    # assignment and course graded on the same cluster, and releasing one
    # assignment's futures would delete data the next one still needs.
    [payload_future] = client.scatter([payload], broadcast=True, hash=False)
    futures, owner = [], {}
    total = 0
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    for course, notebook in targets:
        course = Path(course)
        shutil.rmtree(course / ".grading" / assignment, ignore_errors=True)
        (course / f"autograde-{assignment}.log").write_text("")
        learners = grading.submitted_learners(course, assignment)
        total += len(learners)
        for part in partition(learners, n_workers):
            files = {sid: _files(course / "submitted" / sid / assignment) for sid in part}
            fut = client.submit(execute_learners, payload_future, assignment, notebook, files,
                                pure=False, retries=1)
            futures.append(fut)
            owner[fut.key] = (course, notebook, part, len(futures))

    status = {Path(course): {} for course, _ in targets}
    bar = Progress(total, f"autograde {assignment}", progress)
    recorded = []
    try:
        with ThreadPoolExecutor(1) as recorder:
            for fut in as_completed(futures):
                course, notebook, part, job = owner[fut.key]
                try:
                    part_results, log = fut.result()
                except Exception as err:  # a worker lost twice, an unpicklable result...
                    part_results = {sid: {"status": outcomes.FAILED, "executed": {},
                                          "reason": f"grading worker failed: {type(err).__name__}: {err}"}
                                    for sid in part}
                    log = f"worker error for {', '.join(part)}: {err!r}\n"
                recorded.append(recorder.submit(record, course, assignment, notebook, part_results, log,
                                                db_url, job))
                bar.update(part_results)
            for done in recorded:
                course, part_status = done.result()
                status[course].update(part_status)
    finally:
        bar.close()
        for course, _ in targets:
            shutil.rmtree(Path(course) / ".grading", ignore_errors=True)
    return status


def record(course, assignment, notebook, results, worker_log, db_url=None, job=0):
    """The record stage of one task: replay the workers' executed notebooks
    into the course's gradebook with one `nbgrader autograde`, which reads
    the task's learners only (their submitted folders are copied under
    .grading/<assignment>/<job>/). Returns (course, student -> {"status", "reason"})."""
    course = Path(course)
    stage = course / ".grading" / assignment / str(job)
    for sid, res in results.items():
        shutil.copytree(course / "submitted" / sid / assignment, stage / "submitted" / sid / assignment)
        folder = stage / "executed" / sid
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in res["executed"].items():
            (folder / name).write_bytes(data)
        if res["status"] == outcomes.FAILED:
            (folder / "FAILED.txt").write_text(res["reason"])
    args = (["autograde", assignment, "--force",
             f"--CourseDirectory.submitted_directory={(stage / 'submitted').relative_to(course)}"]
            + (["--notebook", notebook] if notebook else []))
    env = {"COURSE_AUTOGRADE_STAGE": RECORD, "COURSE_EXECUTED_DIR": str(stage / "executed")}
    if db_url:
        env["COURSE_DB_URL"] = db_url
    proc = grading.nbgrader(args, course, check=False, env=env)
    with (course / f"autograde-{assignment}.log").open("a") as log:
        log.write(worker_log + "\n--- record stage ---\n" + proc.stdout + proc.stderr)
    not_recorded = outcomes.failed_students(proc.stdout + proc.stderr)
    if proc.returncode != 0 and not not_recorded:  # nbgrader stopped before any learner
        raise grading.NbgraderError(f"recording the grades of {assignment} failed:\n{proc.stderr[-3000:]}")
    status = {}
    for sid, res in results.items():
        status[sid] = {"status": res["status"], "reason": res["reason"]}
        if sid in not_recorded and res["status"] != outcomes.FAILED:
            status[sid] = {"status": outcomes.FAILED,
                           "reason": "grades could not be recorded: see the record stage of the autograde log"}
    shutil.rmtree(stage, ignore_errors=True)
    return course, status


def autograde_parallel(course, assignment, notebook=None, scheduler=None, workers=None, progress=True,
                       db_url=None):
    """Autograde every submission of `assignment` in `course` (like
    `nbgrader autograde`, into its autograded/ and gradebook, or the
    database at db_url) on Dask.
    Returns (student -> {"status", "reason"}, seconds)."""
    status, seconds = autograde_assignments(course, [assignment], notebook, scheduler, workers, progress, db_url)
    return status[assignment], seconds


def autograde_assignments(course, assignment_ids, notebook=None, scheduler=None, workers=None, progress=True,
                          db_url=None):
    """autograde_parallel for several assignments on one cluster.
    Returns ({assignment: student -> {"status", "reason"}}, seconds)."""
    start = time.perf_counter()
    course = Path(course)
    out = {}
    with tempfile.TemporaryDirectory(prefix="course-payload-") as tmp, ThreadPoolExecutor(1) as pool:
        # the payloads' generate_assignment runs while the workers start
        payloads = {a: pool.submit(course_payload, course, a, Path(tmp) / a) for a in assignment_ids}
        with cluster(scheduler, workers) as client:
            for a in assignment_ids:
                out[a] = autograde_many([(course, notebook)], a, client, payloads[a].result(), progress,
                                        db_url)[course]
    return out, time.perf_counter() - start
