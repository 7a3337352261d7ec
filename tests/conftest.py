"""Shared fixtures: every test works on throw-away copies of the course.

The expensive part, autograding the reference, the untouched release and
every variant of every assignment, runs once per test session (on first
use) and is shared by the tests that read its grades. New assignments,
notebooks and variants are found on disk: they join the checks without new
test code.
"""
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coursetools import assignments, check, notebooks as nbs, source_notebooks, submissions  # noqa: E402
from coursetools.benchmark import (SUITE_TIMING, idle_line, idle_while, machine_busy, processor,  # noqa: E402
                                   workers_line)

ASSIGNMENTS = assignments()
NOTEBOOKS = [(a, p.name) for a in ASSIGNMENTS for p in source_notebooks(a)]
# an assignment of several notebooks (04_patterns), for what a learner handing in part of one meets
SEVERAL = next((a for a in ASSIGNMENTS if len(source_notebooks(a)) > 2), None)
VARIANTS = [(a, p.stem, v.name) for a in ASSIGNMENTS for p in source_notebooks(a)
            for v in submissions.variant_files(a, p.stem)]


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A course copy with release/ freshly generated from source/ by nbgrader."""
    from coursetools.release import generate_release
    course = tmp_path_factory.mktemp("generated") / "course"
    generate_release(course)
    return course


# Learners of every notebook whose answers return wrong values: the tests
# compare only their scores (test_grading.py, _assert_no_cell_gained).
SCORES_ONLY = (submissions.WRONG_VALUES, submissions.EQUAL_TO_ANYTHING, submissions.PEEKING)

# Graded in full beside its copy that stops at the first loss: the first
# wrong variant of each notebook (test_grading.py checks both lose points in
# the same first cell).
FULL_RUN = "full-run--"


def wrong_variants(students):
    """The wrong-variant students (`<stem>--wrong--<name>--<mistake>`), sorted."""
    return sorted(sid for sid in students if sid.partition("--")[2].startswith("wrong--"))


def first_wrong_variants(students):
    """The first wrong-variant student of each notebook."""
    firsts = {}
    for sid in wrong_variants(students):
        firsts.setdefault(sid.partition("--")[0], sid)
    return sorted(firsts.values())


@pytest.fixture(scope="session")
def graded(tmp_path_factory, generated):
    """assignment -> (grades, workdir): the whole test class autograded,
    every assignment on one Dask cluster (its workers start once).

    Of a wrong variant the tests ask only whether it loses points, which its
    first test cell that loses points answers: its notebook runs up to that
    cell and the later graded cells score 0 as not run
    (GradingExecute.stop_at_first_loss), which spares about four fifths of
    the variants' cell time. The first wrong variant of each notebook is
    also graded in full, as student FULL_RUN + its id. Of the correct
    variants, and of the learners whose answers return wrong values (plain,
    equal to anything, peeking), the tests read only the scores: their
    figures are left undrawn (GradingExecute.scores_only), as the stopped
    wrong variants'."""
    from coursetools import parallel
    out = {}
    with parallel.cluster(workers=int(os.environ.get("COURSE_GRADING_WORKERS", 0)) or None) as client:
        for assignment in ASSIGNMENTS:
            students = submissions.class_for(generated, assignment)
            wrong = wrong_variants(students)
            students.update({FULL_RUN + sid: students[sid] for sid in first_wrong_variants(students)})
            workdir = tmp_path_factory.mktemp(f"grade-{assignment}")
            scored = [sid for sid in students if sid.partition("--")[2].startswith("ok--")
                      or sid.partition("--")[2] in SCORES_ONLY]
            grades, _status, seconds = check.grade_class(assignment, students, workdir, client=client,
                                                         stop_at_first_loss=wrong, scores_only=scored)
            print(f"\n[graded] {assignment}: {len(grades)} submissions in {seconds:.0f} s")
            out[assignment] = (grades, workdir)
    return out


@pytest.fixture
def scheduler_in_this_process():
    """For a test that grades on the address of a LocalCluster it started:
    that scheduler runs in this process, so the coursetools zip the client
    uploads for remote workers (parallel.cluster) is imported here too:
    distributed reloads the coursetools package from the zip, which is
    deleted with the cluster. Afterwards this checkout's package is put
    back; else a later test of the same pytest worker could not import a
    coursetools module not imported yet."""
    import importlib

    import coursetools
    path = list(sys.path)
    yield
    if sys.path != path or Path(coursetools.__file__).resolve().parent != ROOT / "coursetools":
        sys.path[:] = path
        importlib.invalidate_caches()
        importlib.reload(coursetools)


def autograded_notebook(workdir, student, assignment, notebook):
    """Path of one autograded notebook inside grade_class's course copies."""
    hits = sorted(Path(workdir).glob(f"class-*/autograded/{student}/{assignment}/{notebook}"))
    assert hits, f"no autograded notebook for {student}/{assignment}/{notebook}"
    return hits[0]


def read_source(assignment, notebook):
    return nbs.read(ROOT / "source" / assignment / notebook)


def wait_for(what, condition, seconds=300, alive=None):
    """condition()'s first true value, polled every 50 ms; fails when
    alive() turns false first (what was awaited can no longer come) or
    after `seconds`."""
    import time
    deadline = time.monotonic() + seconds
    while True:
        found = condition()
        if found:
            return found
        assert alive is None or alive(), f"finished before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def as_at_a_terminal():
    """preexec_fn of a command the test stops with Ctrl-C (SIGINT), SIGTERM or
    a hang-up (SIGHUP): each as a terminal's foreground job has it (a test
    runner started in the background, or under nohup, may have passed them
    on ignored, and an ignored signal survives exec)."""
    import signal
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def visible_text(page):
    """What a reader of an HTML page sees: tags (syntax highlighting splits
    code into spans) removed, entities decoded."""
    import html
    import re
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="session")
def newcomer_course(tmp_path_factory):
    """A fresh clone of the working tree whose make finds .venv installed
    (tests/newcomer.py): README commands run in it as a newcomer runs them."""
    import newcomer
    return newcomer.clone(tmp_path_factory.mktemp("newcomer") / "course")


def class_db_url(course):
    """A class gradebook outside the course folder `course`, as an instructor
    on PostgreSQL names theirs in COURSE_DB_URL: an SQLite file (beside the
    folder) that any command reaching it would create. Commands that work in
    a throw-away copy of the course (make release, make solutions and make
    benchmark here; make selfgrade in tests/test_selfstudy.py) must leave it
    alone (grading.own_gradebook), and so must make demo, whose learners are
    no class's."""
    return f"sqlite:///{Path(course).resolve().parent / 'class-gradebook.db'}"


@pytest.fixture(scope="session")
def newcomer_solutions(tmp_path_factory):
    """`make solutions` in a newcomer's fresh clone, once per test run (the
    pytest-xdist workers share it; a file lock lets one build it):
    (CompletedProcess, solution folder). It runs in the shell of an
    instructor whose class gradebook is elsewhere (COURSE_DB_URL: class_db_url
    of the clone's folder), which a throw-away copy's command must not touch."""
    import fcntl
    import json
    import subprocess
    import newcomer
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder = shared / "newcomer-solutions"
    with open(shared / "newcomer-solutions.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = folder / "make-solutions.json"
        if not record.exists():
            folder.mkdir(exist_ok=True)
            proc = newcomer.make(newcomer.clone(folder / "course"), "solutions",
                                 env={"COURSE_DB_URL": class_db_url(folder / "course")})
            record.write_text(json.dumps({"returncode": proc.returncode, "stdout": proc.stdout}))
        done = json.loads(record.read_text())
    proc = subprocess.CompletedProcess(["make", "solutions"], done["returncode"], done["stdout"])
    return proc, folder / "course" / "solution"


# The suite's own timing, for `make benchmark` (issue: a speed budget a
# developer can see): wall time against the CPU time of pytest and every
# process it waited for (kernels, nbgrader, Dask workers, the browser), and
# the whole machine's (on a machine that runs nothing but the suite, the
# suite's true CPU time).
def pytest_sessionstart(session):
    import time
    busy = machine_busy()
    session.config._course_started = (time.time(), time.perf_counter(), os.times(), busy)
    if not hasattr(session.config, "workerinput") and busy is not None:
        _CORES.start()


class _CoreSampler:
    """The whole machine's busy CPU-seconds, once a second, in the pytest
    process that reports (the xdist controller): with the tests' start and
    stop times, benchmark.idle_while tells which modules ran while the cores
    sat idle."""

    def __init__(self):
        import threading
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="course-core-sampler", daemon=True)

    def start(self):
        self._thread.start()

    def _run(self):
        import time
        while True:
            self.samples.append((time.time(), machine_busy()))
            if self._stop.wait(1.0):
                return

    def stop(self):
        """The samples taken so far (the last one at most a second old)."""
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()
        return self.samples


_CORES = _CoreSampler()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    import json
    import platform
    import time
    started = getattr(config, "_course_started", None)
    if started is None or hasattr(config, "workerinput") or config.option.collectonly:
        return
    t0, p0, c0, m0 = started
    from coursetools import forkserver
    forkserver.stop()  # reaped now, its CPU time (and its commands') counts below
    c1, m1 = os.times(), machine_busy()
    cpu = sum(getattr(c1, f) - getattr(c0, f) for f in ("user", "system", "children_user", "children_system"))
    machine = None if m0 is None or m1 is None else m1 - m0
    wall = time.perf_counter() - p0
    stats = terminalreporter.stats
    record = {"date": time.strftime("%Y-%m-%d %H:%M", time.localtime(t0)), "machine": platform.machine(),
              "processor": processor(), "cores": os.cpu_count(),
              "wall_seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
              "machine_cpu_seconds": None if machine is None else round(machine, 1),
              "passed": len(stats.get("passed", [])), "failed": len(stats.get("failed", [])),
              "errors": len(stats.get("error", [])), "exit_status": int(exitstatus),
              "whole_suite": config.args_source == pytest.Config.ArgsSource.TESTPATHS,
              # the run's temporary folder (the workers' are inside it): its
              # executed notebooks tell make benchmark where the kernels' time went
              "basetemp": str(config._tmp_path_factory.getbasetemp()) if hasattr(config, "_tmp_path_factory")
              else None}
    busy = machine if machine is not None else cpu
    done = {w: round(stop - t0, 1) for w, stop in sorted(_WORKERS_DONE.items()) if stop}
    record["workers_last_test_ended"] = done
    idle = idle_while(_CORES.stop(), _SPANS, os.cpu_count() or 1)
    record["idle_core_seconds_while"] = {m: round(v, 1) for m, v in sorted(idle.items(), key=lambda kv: -kv[1])}
    line = (f"course suite timing: wall {wall:.0f} s, CPU {cpu:.0f} s in pytest and the processes it reaped"
            + (f", {machine:.0f} s on the whole machine" if machine is not None else "")
            + f" (cores busy {busy / max(wall, 1e-9) / (os.cpu_count() or 1):.0%} of {os.cpu_count()})")
    for part in (workers_line(done), idle_line(idle)):
        if part:
            line += "; " + part
    if record["whole_suite"]:  # a run of some tests leaves the whole suite's record alone
        SUITE_TIMING.parent.mkdir(exist_ok=True)
        SUITE_TIMING.write_text(json.dumps(record, indent=1) + "\n")
        line += f"; recorded in {SUITE_TIMING.relative_to(ROOT)} for make benchmark"
    terminalreporter.write_line(line)


# `make test` runs the suite on two pytest-xdist workers, a module at a time
# (--dist loadfile), so each module's fixtures are built once, on one worker
# (newcomer_solutions is shared through a file lock). A free worker takes the
# next module in collection order (--no-loadscope-reorder), which is set here:
# xdist's own order (the modules with the most tests first), except that the
# short modules of LAST end the run, so the worker that finishes first takes
# them while the other ends its long module. SPEED.md (*Where the suite's time
# goes*) gives the runs that chose this order over xdist's alone (a long
# module last left one worker idle for up to 46 s) and over the slowest
# modules first (test_grading's and test_readme's Dask classes side by side
# cost more CPU than the shorter end saved).
# (--dist loadgroup would group modules freely, but pytest-xdist 3.8 cannot
# rename pytest 9's node ids, which it needs for that.)
LAST = (  # each 16 s or less on one worker
    "test_exporters.py", "test_kernelclient.py", "test_guard.py", "test_report.py", "test_config.py",
    "test_environment.py", "test_tracebacks.py", "test_benchmark.py", "test_docs.py", "test_interrupts.py",
    "test_layout.py", "test_handback.py",
)


def module_order(items):
    """The modules' paths in the order `make test` hands them out."""
    count = Counter(item.path for item in items)  # in the order pytest collected them
    return sorted(count, key=lambda path: (path.name in LAST, -count[path]))  # stable, as xdist's sort


def pytest_collection_modifyitems(session, config, items):
    rank = {path: i for i, path in enumerate(module_order(items))}
    items.sort(key=lambda item: rank[item.path])  # stable: a module's tests keep their order


# When each worker ran its last test (seconds from the start), as the
# controller hears of it: the end of a run with one worker idle shows there.
# And every phase of every test, (module, start, stop), for idle_while.
_WORKERS_DONE = {}
_SPANS = []


def pytest_runtest_logreport(report):
    node = getattr(report, "node", None)  # the xdist worker that ran the test
    worker = getattr(getattr(node, "gateway", None), "id", "main")
    _WORKERS_DONE[worker] = max(_WORKERS_DONE.get(worker, 0.0), getattr(report, "stop", 0.0))
    if getattr(report, "start", None) and getattr(report, "stop", None):
        _SPANS.append((Path(report.nodeid.split("::")[0]).name, report.start, report.stop))
