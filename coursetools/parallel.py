"""Parallel autograding on Dask distributed.

nbgrader autogrades one notebook after another in one process. Here the
class is split by learner into tasks (no two tasks hold the same learner),
and Dask workers run them: a LocalCluster on this machine by default
(its workers are threads of the grading process, see cluster), or the
workers of an existing scheduler (`scheduler="tcp://host:8786"`), e.g. a
Slurm or Kubernetes cluster started with dask-jobqueue or dask-kubernetes
(README, "Grading a large class").

Each task is self-contained, so a worker needs no shared folder: it gets
the course's config, coursetools/, source/ and a gradebook holding only the
assignment as the course's gradebook has it (one payload, sent once to each
worker), plus its learners'
submitted files. In a throw-away course it runs `nbgrader autograde` with
only nbgrader's Execute (COURSE_AUTOGRADE_STAGE=execute, the course's
timeout and one retry of a failed kernel included) and sends back the
executed notebooks and each learner's status.

The gradebook is then written by one process only: `nbgrader autograde` in
the course itself, with Execute replaced by ReplayExecution
(COURSE_AUTOGRADE_STAGE=record), which takes the workers' outputs through
the rest of nbgrader's pipeline (output limits, SaveAutoGrades, late
penalties, autograded/). One command records the finished tasks of an
assignment that wait: at the end of the queue, while the last learners
run and a core would otherwise be idle; when the assignment's last task
comes back while other assignments still run; or once RECORD_BATCH
learners wait. It records the files each task was sent (a learner who
hands in again meanwhile is recorded as executed), and skips nbgrader's
sanitize pass, which the worker ran on the same files before executing
them (nbgrader_config.py). SQLite thus never sees two writers, and the
gradebook is the one serial `nbgrader autograde` would write, on SQLite
or on PostgreSQL (COURSE_DB_URL).

Faults. A worker process of a scheduler's cluster that dies in the middle
of a task (killed, out of memory, its machine gone) costs only that task:
Dask runs it again on another worker (the payload is a task's result, so
Dask recomputes it when every worker holding it is gone; scattered data
would be lost for good). Each attempt announces itself to the client, so
the progress bar counts the learners graded again ("retried=N") and their
status reason says so. Dask itself giving up halfway (its scheduler
lost) ends the run: what the workers sent back is recorded, the other
learners are reported not graded, with the reason. A
grading run killed while recording leaves its learners' staging folders in
.grading/<assignment>/: the next run names those learners as retried, clears
the folders and grades the class again; `nbgrader autograde --force`
re-records every learner, partly recorded ones included, so each ends with
one submission and one grade per cell. Ctrl-C (or SIGTERM, SIGHUP:
coursetools/interrupts.py) leaves the same: the recordings not yet started
are dropped, the one it cut keeps its folder (autograde_many), and only the
grading process answers it (cluster).
"""
import io
import logging
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from . import ROOT, forkserver, grading, outcomes

EXECUTE = "execute"
RECORD = "record"
RECORD_NICE = 10
# Before the end of the queue, the finished learners of an assignment are
# recorded together once this many wait (autograde_many): each recording
# is an nbgrader command with a cost of its own (about 0.085 CPU-seconds),
# and a grading process that dies loses at most this many executed learners.
RECORD_BATCH = 25


def _files(folder, patterns=("**/*",)):
    folder = Path(folder)
    out = {}
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                out[str(path.relative_to(folder))] = path.read_bytes()
    return out


def _write(folder, files):
    """Write {relative path: bytes} under `folder`, made even when `files`
    is empty (a learner who handed in nothing has a folder all the same)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = Path(folder) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def local_gradebook(folder):
    """Worker runs keep their (throw-away) gradebook in their own folder,
    whatever database the course itself uses."""
    return dict(grading.own_gradebook(folder), COURSE_AUTOGRADE_STAGE=None)


def course_payload(course, assignment, db_url=None):
    """What every worker needs to grade `assignment`: the course's config,
    coursetools/, source/, and a gradebook holding only the assignment, as
    the course's gradebook (db_url, default as nbgrader_config.py says) has
    it (grading.copy_assignment). {relative path: bytes}."""
    course = Path(course)
    files = {}
    for pattern in ("nbgrader_config.py", "coursetools/*.py", "source/**/*"):
        files.update(_files(course, (pattern,)))
    with tempfile.TemporaryDirectory(prefix="course-payload-") as tmp:
        grading.copy_assignment(grading.db_url_of(course, db_url), assignment, Path(tmp) / "gradebook.db")
        files["gradebook.db"] = (Path(tmp) / "gradebook.db").read_bytes()
    return files


def _payload(payload):
    """The payload as a task's result: Dask recomputes a lost result."""
    return payload


def _worker():
    """The Dask worker running this task (None outside a worker)."""
    try:
        from distributed import get_worker
        return get_worker()
    except (ImportError, ValueError):
        return None


def execute_learners(payload, assignment, notebook, learners, topic=None, stop_at_first_loss=(), scores_only=()):
    """Dask task: execute the submissions of `learners` ({student: {relative
    path: bytes}}, their submitted/<student>/<assignment>/ folders) in a
    throw-away course. Returns {student: {"status", "reason", "executed":
    {notebook file name: bytes}}} and the nbgrader log.
    Each attempt is announced on the Dask event topic `topic`: the client
    tells a retried task by its second start.
    stop_at_first_loss: learners executed only up to their first test cell
    that loses points (the test suite's wrong variants; GradingExecute);
    scores_only: learners whose figures are left undrawn (its correct
    variants)."""
    start = time.perf_counter()
    worker = _worker()
    if worker is not None and topic:
        worker.log_event(topic, {"key": worker.get_current_task(), "pid": os.getpid()})
    # In the worker's own folder: Dask clears the folders of dead workers,
    # so a killed worker leaves no course copy behind.
    scratch = worker.local_directory if worker is not None else None
    with tempfile.TemporaryDirectory(prefix="course-worker-", dir=scratch) as tmp:
        course = Path(tmp)
        _write(course, payload)
        for sid, files in learners.items():
            # an empty folder too: nbgrader and the checks then see that
            # learner as the course folder showed them, with nothing handed in
            _write(course / "submitted" / sid / assignment, files)
        env = dict(local_gradebook(course), COURSE_AUTOGRADE_STAGE=EXECUTE)
        if stop_at_first_loss:
            env["COURSE_STOP_AT_FIRST_LOSS"] = " ".join(sorted(stop_at_first_loss))
        if scores_only:
            env["COURSE_SCORES_ONLY"] = " ".join(sorted(scores_only))
        status = grading.autograde_class(course, assignment, notebook=notebook, env=env)
        log = (course / f"autograde-{assignment}.log").read_text()
        out = {}
        for sid in learners:
            done = course / "autograded" / sid / assignment
            executed = {p.name: p.read_bytes() for p in outcomes.graded_copies(done)}
            if status[sid]["status"] == outcomes.FAILED:
                executed = {}
            out[sid] = dict(status[sid], executed=executed)
        head = (f"--- worker {socket.gethostname()} pid {os.getpid()}: {', '.join(learners)} "
                f"in {time.perf_counter() - start:.1f} s ---\n")
        return out, head + log


def partition(students, workers, most=10):
    """Consecutive slices of the sorted learners, one learner in exactly one
    slice, largest first (guided self-scheduling): each slice takes a
    (2 x workers)-th of the learners still left, at most `most`, so the
    workers start on large tasks (few nbgrader runs) and end on single
    learners (the last worker to finish waits for one learner at most, not
    for a whole slice). With one task per free worker at a time
    (autograde_many), the workers stay balanced whatever each learner costs."""
    return [part for _, part in partition_groups([(None, sorted(students))], workers, most)]


def partition_groups(groups, workers, most=10):
    """partition() over several groups graded one after another on the same
    workers ([(key, learners)], e.g. one group per course folder and
    assignment: autograde_many): a slice holds learners of one group, and
    its size counts the learners still left in all groups, so only the last
    group ends on single learners. Returns [(key, slice)] in the groups'
    order."""
    left = sum(len(learners) for _, learners in groups)
    parts = []
    for key, learners in groups:
        start = 0
        while start < len(learners):
            size = max(1, min(most, len(learners) - start, -(-left // (2 * max(1, workers)))))
            parts.append((key, learners[start:start + size]))
            start += size
            left -= size
    return parts


def _zip_coursetools():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for path in sorted((ROOT / "coursetools").glob("*.py")):
            z.write(path, f"coursetools/{path.name}")
    return buf.getvalue()


# A worker here spends its time waiting on one notebook kernel; Dask's
# sampling profiler (every 10 ms), its fast memory and system monitors and
# its event-loop health check (every 20 ms, in every process) would take CPU
# from the kernels on a small machine (about 10% on 2 cores).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "2s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "1s",
}


@contextmanager
def cluster(scheduler=None, workers=None):
    """A Dask client: on the scheduler at address `scheduler`, or on a
    LocalCluster of `workers` workers (default: one per core), each a thread
    of this process running one task, and so one notebook kernel, at a time."""
    import dask
    from distributed import Client, LocalCluster
    from distributed.utils import silence_logging_cmgr

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
    # A local worker spends its task waiting: on nbgrader commands, which run
    # in this process's fork server, and on their kernels, which fork from
    # this process's kernel zygote (forkserver.run, sandbox.zygote_for_command).
    # So the workers are threads here: a worker process would add only its
    # start (about 1 CPU-second: Python and distributed imported again) and
    # the pickling of every payload and executed notebook between processes.
    # A stop (Ctrl-C, SIGTERM, SIGHUP) is answered by this process alone
    # (coursetools/interrupts.py).
    # distributed's output stays at ERROR until the cluster is gone: as it
    # shuts down it logs the comms it finds closed at INFO, with their
    # traceback ("Batched Comm Closed"), after the point where LocalCluster's
    # own silence_logs would have ended, so this one replaces it
    # (tests/test_parallel.py).
    with tempfile.TemporaryDirectory(prefix="course-dask-", ignore_cleanup_errors=True) as tmp, \
            dask.config.set(QUIET_WORKERS), silence_logging_cmgr(logging.ERROR):
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=False,
                             dashboard_address=":0", silence_logs=False, local_directory=tmp)
        with local, Client(local) as client:
            try:
                yield client
            except KeyboardInterrupt:
                # The workers' commands: nobody waits for them now. The
                # cluster then closes with its workers mid-task, which
                # distributed would log as errors, each with a traceback;
                # grade.py says what happened instead.
                forkserver.kill_commands()
                logging.getLogger("distributed").setLevel(logging.CRITICAL + 1)
                raise


class Progress:
    """graded/total, failures and learners graded again, as a tqdm bar (to
    stderr) or not at all."""

    def __init__(self, total, desc, enabled=True, retried=0):
        self.failed = 0
        self.retried = retried
        self.bar = None
        if enabled:
            from tqdm import tqdm
            self.bar = tqdm(total=total, desc=desc, unit="learner", file=sys.stderr,
                            dynamic_ncols=True, postfix=self._postfix())

    def _postfix(self):
        return {"failed": self.failed, "retried": self.retried}

    def retry(self, n_learners):
        """A task started again (called from the Dask client's thread)."""
        self.retried += n_learners
        if self.bar is not None:
            self.bar.set_postfix(self._postfix())

    def update(self, results):
        self.failed += sum(1 for r in results.values() if r["status"] == outcomes.FAILED)
        if self.bar is not None:
            self.bar.set_postfix(self._postfix(), refresh=False)
            self.bar.update(len(results))

    def close(self):
        if self.bar is not None:
            self.bar.close()


def _failed(students, reason, **extra):
    """Each of `students` not graded, with `reason` (and `extra`, e.g. the
    executed notebooks a task's result carries: none)."""
    return {sid: {"status": outcomes.FAILED, "reason": reason, **extra} for sid in students}


def _not_graded(part, reason):
    """Dask task standing in for execute_learners when a task cannot run:
    each of its learners failed, with the reason."""
    return _failed(part, reason, executed={}), f"{reason}\n"


def _said(err):
    """An error as a learner's reason shows it: its type and message, cut short."""
    return f"{type(err).__name__}: {str(err).strip()[:300]}"


def _cannot_grade(err):
    return f"assignment could not be graded: {_said(err)}"


def _cluster_gave_up(students, err):
    """Each of `students` not graded because Dask gave up, not because of
    their submission ("not_run": grade.py changes nothing when no learner of
    the run was graded)."""
    return _failed(students, f"not graded: the Dask cluster gave up: {_said(err)}", not_run=True)


class Finished(NamedTuple):
    """A task back from its worker, waiting to be recorded (autograde_many)."""
    results: dict  # student -> {"status", "reason", "executed"}
    log: str  # its nbgrader log
    job: int  # its number in the queue (names its recording's stage folder)
    files: dict  # student -> {relative path: bytes}: what it was sent, and what its recording stages


def autograde_many(targets, client, payloads, progress=True, db_url=None, stop_at_first_loss=(), scores_only=(),
                   students=None):
    """Autograde several assignments in several course folders with one
    Dask client, all their learners in one queue: the workers go from one
    assignment to the next without waiting for the last learner of each.
    targets: [(course, assignment, notebook or None)], every learner handed
    in under course/submitted/ graded (on `notebook` alone when given).
    payloads: assignment -> its course_payload, or a concurrent.futures
    Future of it (made while the workers start); read when the assignment's
    first task goes out. An assignment whose payload or record stage fails
    does not stop the others: each of its learners fails, with the reason.
    db_url: the gradebook (default: as nbgrader_config.py says).
    stop_at_first_loss: students executed only up to their first test cell
    that loses points (execute_learners); the test suite's wrong variants.
    scores_only: students whose figures are left undrawn (execute_learners).
    students: grade only these learners (the others keep what the gradebook
    holds of them: their hand-given scores are not sent back for review).
    Finished tasks are recorded by one recorder thread, one nbgrader
    command at a time, each for every finished task of one target not yet
    recorded: once no task is left to go out and a worker is free (the end
    of the queue, where a core would otherwise wait for the last learners),
    once every task of the target has come back (other targets still
    running: their end is not lengthened by its recording), or once
    RECORD_BATCH learners of the target wait.
    A learner graded again (its task restarted after a worker was lost, or
    its recording interrupted by a killed run) gets "retried" (how many
    times) and a note in its reason.
    Dask itself giving up halfway (its scheduler lost, say) stops the
    queue: the learners recorded by then are reported as they were graded,
    every other learner as not graded, with the reason.
    Returns {(course, assignment): {student: {"status", "reason"[, "retried"]}}}."""
    from distributed import as_completed

    # One future per payload, under a key of its own: scattering the dict
    # itself would make each file path a Dask key, shared by every
    # assignment and course graded on the same cluster, and releasing one
    # assignment's futures would delete data the next one still needs. A
    # task's result rather than scattered data, so that losing the workers
    # that hold it costs a recomputation, not the assignment.
    run = uuid.uuid4().hex
    sent = {}

    def payload_of(assignment):
        if assignment not in sent:
            try:
                files = payloads[assignment]
                files = files.result() if hasattr(files, "result") else files
                sent[assignment] = client.submit(_payload, files, key=f"course-payload-{assignment}-{run}")
            except Exception as err:  # no payload (e.g. not in the gradebook): nothing of it can be graded
                sent[assignment] = err
            else:
                # On every worker before its tasks go out: Dask gives a task
                # to a worker holding its dependencies, so with the payload on
                # one worker the first round of tasks would all queue there,
                # and the other workers would start theirs only when Dask's
                # work stealing moved them (1-2 s of an idle core at the start
                # of every grading run, 2026-12-05).
                client.replicate([sent[assignment]])
        return sent[assignment]

    owner = {}
    handed_in = {}  # task key -> the files its learners' tasks were sent (what record stages)
    interrupted = {}
    n_workers = max(1, len(client.scheduler_info().get("workers", {})))
    groups = []
    for course, assignment, notebook in targets:
        course = Path(course)
        target = (course, assignment)
        interrupted[target] = _interrupted_recording(course, assignment)
        shutil.rmtree(course / ".grading" / assignment, ignore_errors=True)
        # A run of the whole class starts the log afresh; a run of some
        # learners (make grade STUDENT=) adds to it: the report's reason for
        # a learner it leaves alone may point to what the log says of them.
        learners = grading.submitted_learners(course, assignment, only=students)
        interrupted[target] &= set(learners)
        with (course / f"autograde-{assignment}.log").open("a" if students is not None else "w") as log:
            if students is not None and learners:
                log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')}: grading only {', '.join(learners)} ===\n")
            if interrupted[target]:
                note = (f"{course}: a previous run of {assignment} stopped while recording "
                        f"{', '.join(sorted(interrupted[target]))}; grading them again")
                print(note, file=sys.stderr, flush=True)
                log.write(note + "\n")
        groups.append(((course, assignment, notebook), learners))
    # the targets share one queue: their tasks shrink toward its end only
    jobs = [(*target, part) for target, part in partition_groups(groups, n_workers)]
    tasks_left = Counter(job[:3] for job in jobs)  # (course, assignment, notebook) -> tasks not yet back

    def submit(job):
        course, assignment, notebook, part = job
        payload = payload_of(assignment)
        # what the task is sent, and what its recording stages
        files = {sid: _files(course / "submitted" / sid / assignment) for sid in part}
        if isinstance(payload, Exception):
            fut = client.submit(_not_graded, part, _cannot_grade(payload), pure=False)
        else:
            stop = [sid for sid in part if sid in stop_at_first_loss]
            fut = client.submit(execute_learners, payload, assignment, notebook, files, run, stop,
                                [sid for sid in part if sid in scores_only], pure=False, retries=1)
        owner[fut.key] = (course, assignment, notebook, part, len(owner) + 1)
        handed_in[fut.key] = files
        return fut

    status = {(Path(course), assignment): {} for course, assignment, _ in targets}
    graded = list(dict.fromkeys(assignment for _, assignment, _ in targets))
    bar = Progress(sum(len(learners) for _, learners in groups), f"autograde {', '.join(graded)}", progress,
                   retried=sum(len(s) for s in interrupted.values()))
    attempts = {}

    def started(event):  # runs in the client's thread: one task attempt began
        _, msg = event
        key = msg.get("key")
        attempts[key] = attempts.get(key, 0) + 1
        if attempts[key] > 1 and key in owner:
            bar.retry(len(owner[key][3]))

    # Subscribed before any task goes out: a first attempt announced before
    # the subscription would make the bar take the second for the first.
    client.subscribe_topic(run, started)
    # Tasks go out one per free worker, as the workers finish: Dask would
    # hand them all out at once, as many to each worker, and a worker that
    # drew the slow learners would finish last, alone.
    waiting = deque(jobs)
    running = as_completed([submit(waiting.popleft()) for _ in range(min(n_workers, len(waiting)))])
    recorded = []
    pending = {}  # (course, assignment, notebook) -> [Finished] tasks back, not yet recorded
    stopped = threading.Event()  # Ctrl-C: no recording starts, and one cut short keeps its stage
    recorder = ThreadPoolExecutor(1)

    def record_pending(target):
        """One recording (one nbgrader command) for the finished tasks of
        `target` not yet recorded."""
        course, assignment, notebook = target
        batch = pending.pop(target)
        results, submitted = {}, {}
        for task in batch:
            results.update(task.results)
            submitted.update(task.files)
        log = "\n".join(task.log for task in batch)
        recorded.append((course, assignment, list(results), recorder.submit(
            record, course, assignment, notebook, results, log, db_url, batch[0].job, stopped, submitted)))

    gave_up = None
    try:
        try:
            for fut in running:
                workers = len(client.scheduler_info().get("workers", {}))
                if waiting:
                    for _ in range(min(len(waiting), max(1, workers - running.count()))):
                        running.add(submit(waiting.popleft()))
                course, assignment, notebook, part, job = owner[fut.key]
                try:
                    part_results, log = fut.result()
                except Exception as err:  # a worker lost twice, an unpicklable result...
                    part_results = _failed(part, f"grading worker failed: {type(err).__name__}: {err}",
                                           executed={})
                    log = f"worker error for {', '.join(part)}: {err!r}\n"
                pending.setdefault((course, assignment, notebook), []).append(
                    Finished(part_results, log, job, handed_in.pop(fut.key)))
                tasks_left[course, assignment, notebook] -= 1
                bar.update(part_results)
                # Recorded once a worker has nothing left to take (the end of
                # the queue: a core would sit idle while the last learners
                # run), once the target has no task left (the queue goes on
                # with other targets; held to its end, the recording would
                # lengthen that end), or once RECORD_BATCH learners of it wait.
                idle = not waiting and running.count() < max(1, workers)
                for target in list(pending):
                    if (idle or not tasks_left[target]
                            or sum(len(task.results) for task in pending[target]) >= RECORD_BATCH):
                        record_pending(target)
        except Exception as err:  # Dask gave up: what the workers sent back is still recorded
            gave_up = err
        for target in list(pending):
            record_pending(target)
        for course, assignment, part, done in recorded:
            try:
                part_status = done.result()[1]
            except Exception as err:  # e.g. nbgrader stopped before recording any learner
                part_status = _failed(part, _cannot_grade(err))
            status[course, assignment].update(part_status)
    except KeyboardInterrupt:
        # The recordings not yet started are dropped; the one under way (its
        # nbgrader command stopped by the same Ctrl-C) leaves its stage, so
        # the next run names its learners, as after a killed run.
        stopped.set()
        raise
    finally:
        recorder.shutdown(wait=True, cancel_futures=stopped.is_set())
        if gave_up is None:
            client.unsubscribe_topic(run)
        bar.close()
        for course, assignment, _ in targets:
            if not stopped.is_set():
                shutil.rmtree(Path(course) / ".grading" / assignment, ignore_errors=True)
            try:
                (Path(course) / ".grading").rmdir()
            except OSError:  # missing, not empty, or another assignment is being recorded
                pass
    if gave_up is not None:
        for (course, assignment, _notebook), learners in groups:
            left = [sid for sid in learners if sid not in status[course, assignment]]
            status[course, assignment].update(_cluster_gave_up(left, gave_up))
    # every attempt, as the scheduler logged them (each before its result)
    counted = {}
    for _, msg in client.get_events(run) if gave_up is None else ():
        counted[msg.get("key")] = counted.get(msg.get("key"), 0) + 1
    for key, (course, assignment, _notebook, part, _job) in owner.items():
        target = (course, assignment)
        for sid in part:
            if counted.get(key, 1) > 1:
                _note_retry(status[target][sid], counted[key] - 1,
                            f"retried: its grading worker was lost or failed ({counted[key]} attempts)")
            if sid in interrupted[target]:
                _note_retry(status[target][sid], 1,
                            "retried: a previous grading run stopped while recording it")
    return status


def _interrupted_recording(course, assignment):
    """Learners whose recording a killed run left behind: record() stages
    them under .grading/<assignment>/<job>/submitted/ and removes the stage
    when nbgrader is done."""
    return {p.name for p in (Path(course) / ".grading" / assignment).glob("*/submitted/*") if p.is_dir()}


def _note_retry(st, times, note):
    st["retried"] = st.get("retried", 0) + times
    st["reason"] = "; ".join(r for r in (st.get("reason", ""), note) if r)


def record(course, assignment, notebook, results, worker_log, db_url=None, job=0, stopped=None,
           submitted=None):
    """The record stage of one task: replay the workers' executed notebooks
    into the course's gradebook with one `nbgrader autograde`, which reads
    the task's learners only: their submitted folders as the task was sent
    them (`submitted`, {student: {relative path: bytes}}; default: as they
    are now) are staged under .grading/<assignment>/<job>/, so what is
    recorded is what was executed even if a learner hands in again
    meanwhile. With the threading.Event `stopped` set (Ctrl-C) by the time
    nbgrader returns, the stage stays for the next run.
    Returns (course, student -> {"status", "reason"})."""
    course = Path(course)
    if submitted is None:
        submitted = {sid: _files(course / "submitted" / sid / assignment) for sid in results}
    if not any(Path(rel).suffix == ".ipynb" and "/" not in rel for sid in results for rel in submitted[sid]):
        # nothing nbgrader could record (it would stop: "No notebooks were
        # matched"); serial nbgrader writes nothing for such learners either
        return course, {sid: {"status": res["status"], "reason": res["reason"]} for sid, res in results.items()}
    stage = course / ".grading" / assignment / str(job)
    for sid, res in results.items():
        _write(stage / "submitted" / sid / assignment, submitted[sid])
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
    # The workers' kernels come first: a recording takes the CPU they leave
    # (kernels starting, the last task's wait), not theirs.
    proc = grading.nbgrader(args, course, check=False, env=env, nice=RECORD_NICE)
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
    if stopped is None or not stopped.is_set():
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
                          db_url=None, students=None):
    """autograde_parallel for several assignments on one cluster, all their
    learners in one queue (autograde_many; only `students` when given).
    An assignment that cannot be graded at all (its payload or its record
    stage fails) does not stop the others: each of its learners is reported
    failed, with the reason.
    Returns ({assignment: student -> {"status", "reason"}}, seconds)."""
    start = time.perf_counter()
    course = Path(course)
    with ThreadPoolExecutor(1) as pool:
        # the payloads are read while the workers start
        payloads = {a: pool.submit(course_payload, course, a, db_url) for a in assignment_ids}
        status = None
        try:
            with cluster(scheduler, workers) as client:
                status = autograde_many([(course, a, notebook) for a in assignment_ids], client, payloads,
                                        progress, db_url, students=students)
        except Exception as err:  # no cluster (a scheduler not there...): said of every learner, not a traceback
            if status is None:  # (a cluster that fails as it closes has graded the class all the same)
                status = {(course, a): _cluster_gave_up(grading.submitted_learners(course, a, only=students), err)
                          for a in assignment_ids}
    return {a: status[course, a] for a in assignment_ids}, time.perf_counter() - start
