"""Parallel grading survives faults, on SQLite and on PostgreSQL.

Two faults, each on a small class (a good learner and an unanswered
release, from the class of tests/test_parallel.py):

- a Dask worker killed with SIGKILL while its task runs a notebook kernel:
  Dask runs the task again (the course's payload included, recomputed when
  the only worker holding it died);
- `python -m coursetools.grade` (`make grade`) killed with its whole process
  group while it records grades, then run again: the second run names the
  learners whose recording was cut, clears the stale .grading/ folder and
  re-records everyone (`nbgrader autograde --force`). Ctrl-C at the terminal
  (SIGINT to the same process group) must stop it just as promptly, leave
  the same state, and say so in one message instead of a traceback from
  each of its processes.

Each must end with every learner graded exactly once (one submission per
learner and assignment, one grade per graded cell), a gradebook that passes
its integrity check, grades identical to an undisturbed run, and progress
output and a report that say what was retried.
"""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import psutil
import pytest
import sqlalchemy

import postgres
from conftest import as_at_a_terminal, wait_for
from coursetools import grading, outcomes, parallel
from test_parallel import class_course, first_difference, fresh_copy, postgres_server, small_class  # noqa: F401
from test_robustness import ASSIGNMENT

LEARNERS = ("good-1", "unanswered")
DATABASES = ("sqlite", "postgresql")


@pytest.fixture(scope="module")
def small(class_course, tmp_path_factory):
    """The ungraded small class."""
    return small_class(class_course[0], tmp_path_factory.mktemp("faults") / "class", LEARNERS)


@pytest.fixture(scope="module")
def undisturbed(small, tmp_path_factory):
    """The gradebook of an undisturbed parallel run (test_parallel proves it
    equals serial nbgrader's, on SQLite and PostgreSQL alike)."""
    course = fresh_copy(small, tmp_path_factory.mktemp("undisturbed") / "course")
    status, _ = parallel.autograde_parallel(course, ASSIGNMENT, workers=2, progress=False)
    assert all(st["status"] == outcomes.GRADED and not st.get("retried") for st in status.values()), status
    dump = grading.dump_gradebook(grading.db_url_of(course))
    assert {sid for sid, _ in dump} == set(LEARNERS), sorted(dump)
    return dump


@pytest.fixture(params=DATABASES)
def db_url(request):
    """None (gradebook.db) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    server = request.getfixturevalue("postgres_server")
    url = server.create_database(f"faults_{re.sub(r'[^a-z0-9]', '_', request.node.name.lower())}")
    postgres.wait_ready(url)
    return url


def _count_rows(url, table):
    with sqlalchemy.create_engine(url).connect() as db:
        return db.execute(sqlalchemy.text(f"SELECT count(*) FROM {table}")).scalar()


def assert_intact(course, url, undisturbed):
    """One submission per (student, assignment), one submitted notebook per
    notebook, one grade per cell, SQLite's own checks, no staging left, and
    the grades of the undisturbed run."""
    with sqlalchemy.create_engine(url).connect() as db:
        for table, columns in (("submitted_assignment", "assignment_id, student_id"),
                               ("submitted_notebook", "assignment_id, notebook_id"),
                               ("grade", "notebook_id, cell_id"), ("comment", "notebook_id, cell_id")):
            dupes = db.execute(sqlalchemy.text(
                f"SELECT {columns}, count(*) FROM {table} GROUP BY {columns} HAVING count(*) > 1")).fetchall()
            assert not dupes, f"{table}: rows recorded twice: {dupes}"
    if url.startswith("sqlite:"):
        with sqlite3.connect(course / "gradebook.db") as db:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    got = grading.dump_gradebook(url)
    assert got == undisturbed, first_difference(undisturbed, got)
    assert not (course / ".grading").exists(), "staging folders left behind"


def _running_in_group(pgid):
    """The processes of process group `pgid` still running (zombies aside)."""
    running = []
    for proc in psutil.process_iter(["status"]):
        try:
            if os.getpgid(proc.pid) == pgid and proc.info["status"] != psutil.STATUS_ZOMBIE:
                running.append(proc)
        except (OSError, psutil.Error):  # gone meanwhile
            pass
    return running


def _descendants(pid):
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _busy_worker(pids, seconds=1):
    """The pid of a worker (of `pids`) under which a notebook kernel has been
    running for `seconds` and still is: the worker is in the middle of a task."""
    for pid in pids:
        for proc in _descendants(pid):
            try:
                if "kernel" in " ".join(proc.cmdline()) and time.time() - proc.create_time() > seconds \
                        and proc.is_running():
                    return pid
            except psutil.Error:
                pass
    return None


@pytest.mark.parametrize("db_url, n_workers", [("sqlite", 1), ("postgresql", 2)], indirect=["db_url"])
def test_worker_killed_mid_task(small, undisturbed, db_url, n_workers, tmp_path, tmp_path_factory, capfd,
                                scheduler_in_this_process):
    """SIGKILL to a worker whose task is running a notebook kernel: with one
    worker the course's payload is lost with it, with two the task moves to
    the other worker."""
    from distributed import Client, LocalCluster

    course = fresh_copy(small, tmp_path / "course", db_url)
    url = grading.db_url_of(course, db_url)
    run = {}
    orphans = []
    # The workers' temporary folders (their fork servers' and zygotes', killed
    # below with the worker) in a short path of pytest's: Unix sockets go there.
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, dashboard_address=":0",
                      env={"TMPDIR": str(tmp_path_factory.mktemp("t"))}) as cluster, \
            Client(cluster) as watcher:
        def grade():
            try:
                run["status"], _ = parallel.autograde_parallel(course, ASSIGNMENT, scheduler=cluster.scheduler_address,
                                                               db_url=db_url)
            except BaseException as err:  # reported by the assertion below
                run["error"] = err

        grader = threading.Thread(target=grade)
        grader.start()
        try:
            pids = list(watcher.run(os.getpid).values())
            pid = wait_for("a task in the middle of a notebook", lambda: _busy_worker(pids), alive=grader.is_alive)
            orphans = _descendants(pid)
            os.kill(pid, signal.SIGKILL)
        finally:
            grader.join(600)
            for proc in orphans:  # the dead worker's nbgrader run, still finishing in its folder
                try:
                    proc.kill()
                except psutil.NoSuchProcess:
                    pass
    assert "error" not in run, run.get("error")
    status = run["status"]
    assert set(status) == set(LEARNERS)
    assert all(st["status"] == outcomes.GRADED for st in status.values()), status
    retried = sorted(sid for sid, st in status.items() if st.get("retried"))
    assert retried, f"no learner reported as retried: {status}"
    assert all("retried" in status[sid]["reason"] and "worker was lost" in status[sid]["reason"]
               for sid in retried), status
    assert all(not st.get("retried") and st["reason"] == "" for sid, st in status.items() if sid not in retried)
    err = capfd.readouterr().err
    assert f"{len(LEARNERS)}/{len(LEARNERS)}" in err and f"retried={len(retried)}" in err, err[-2000:]
    assert_intact(course, url, undisturbed)


def _grade_command(course, db_url, tmp, **kwargs):
    """`make grade A=<assignment> WORKERS=2` in the course copy, its temporary
    folders in `tmp` (a killed run cannot remove them)."""
    env = dict(os.environ, PYTHONPATH=str(course), TMPDIR=str(tmp))
    if db_url:
        env["COURSE_DB_URL"] = db_url
    return [sys.executable, "-m", "coursetools.grade", ASSIGNMENT, "--workers", "2"], dict(cwd=course, env=env,
                                                                                          **kwargs)


# how the run is stopped: the signal, and whether it reaches the whole process
# group (a terminal's Ctrl-C and hang-up, `timeout`, kill -9 of the job) or
# the command alone (`kill PID`)
STOPS = {"sqlite-killed": ("sqlite", signal.SIGKILL, True), "postgresql-killed": ("postgresql", signal.SIGKILL, True),
         "sqlite-ctrl-c": ("sqlite", signal.SIGINT, True), "sqlite-sigterm": ("sqlite", signal.SIGTERM, False),
         "sqlite-hangup": ("sqlite", signal.SIGHUP, True)}
STOP_WORDS = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "SIGHUP"}


@pytest.mark.parametrize("db_url, stop, group", list(STOPS.values()), ids=list(STOPS), indirect=["db_url"])
def test_grade_command_killed_while_recording(small, undisturbed, db_url, stop, group, tmp_path, tmp_path_factory):
    course = fresh_copy(small, tmp_path / "course", db_url)
    url = grading.db_url_of(course, db_url)
    before = _count_rows(url, "submitted_assignment")
    # a short path: the fork server's and the kernels' Unix sockets go there
    tmp = tmp_path_factory.mktemp("t")
    cmd, kwargs = _grade_command(course, db_url, tmp)
    with open(tmp_path / "first.log", "w") as log:
        first = subprocess.Popen(cmd, stdout=log, stderr=subprocess.PIPE, text=True, start_new_session=True,
                                 preexec_fn=as_at_a_terminal, **kwargs)
        try:
            # the first learner's submission reaches the gradebook while its stage is still there
            wait_for("the record stage", lambda: (list((course / ".grading" / ASSIGNMENT).glob("*/submitted/*"))
                                                   and _count_rows(url, "submitted_assignment") > before),
                      alive=lambda: first.poll() is None)
        finally:
            (os.killpg if group else os.kill)(first.pid, stop)
            stopped_at = time.monotonic()
            try:
                _, err = first.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(first.pid, signal.SIGKILL)
                _, err = first.communicate()
    if stop != signal.SIGKILL:
        took = time.monotonic() - stopped_at
        deadline = time.monotonic() + 30
        while _running_in_group(first.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = _running_in_group(first.pid)
        if left:
            os.killpg(first.pid, signal.SIGKILL)
        said = STOP_WORDS[stop]
        assert first.returncode == 128 + stop and took < 20, f"{said}: exit status {first.returncode} after {took:.0f} s"
        assert f"make grade: interrupted by {said}." in err and "Traceback" not in err, \
            f"{said} should be answered in one message, without tracebacks:\n{err[-3000:]}"
        assert not left, f"still running 30 s after {said}: {[' '.join(p.cmdline())[:200] for p in left]}"
        # nor any temporary folder: the fork server's, the zygote's, the
        # payload's, the kernels' that the stop cut (Dask's shared scratch
        # folder stays, as after every run)
        litter = sorted(p.name for p in tmp.iterdir() if p.name != "dask-scratch-space")
        assert not litter, f"left in TMPDIR after {said}: {litter}"
    stale = {p.name for p in (course / ".grading" / ASSIGNMENT).glob("*/submitted/*")}
    assert stale and _count_rows(url, "submitted_assignment") < len(LEARNERS), \
        "the kill did not land while the class was being recorded"
    if stop == signal.SIGHUP:
        # a hang-up cuts the recording as Ctrl-C does (both reach the whole
        # group): the same stage for the next run, which sqlite-ctrl-c grades
        return

    second = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kwargs)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    assert f"stopped while recording {', '.join(sorted(stale))}" in second.stderr, second.stderr[-2000:]
    assert f"retried={len(stale)}" in second.stderr, second.stderr[-2000:]
    table = {line.split()[0]: line for line in second.stdout.splitlines() if line.split()[:1] in [[s] for s in LEARNERS]}
    assert set(table) == set(LEARNERS), second.stdout
    for sid, line in table.items():
        assert ("a previous grading run stopped while recording it" in line) == (sid in stale), line
    assert f"{len(stale)} retried after a fault" in second.stdout, second.stdout[-2000:]
    csv = (course / "reports" / "grades.csv").read_text()
    assert csv.count("retried: a previous grading run") == len(stale), csv
    assert_intact(course, url, undisturbed)
