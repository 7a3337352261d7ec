"""Benchmark of the course on this machine (prints figures; not a test).

    python -m coursetools.benchmark [--class-size N] [--assignment A] [--quick]
    (or: make benchmark [A=01_baseline] [QUICK=1])

Prints, for the pinned environment:
1. each reference notebook's plain execution time (nbclient, fresh kernel);
2. the time to autograde one complete submission (every assignment) against
   plain execution of the same notebooks: nbgrader's overhead ratio;
3. the time to autograde a class of N synthetic submissions of one
   assignment serially (plain `nbgrader autograde`) against the course's
   parallel autograde on Dask (coursetools.parallel), with the speedup and a
   check that all write identical gradebooks. Each is run twice, in the
   order serial, parallel, parallel, serial, so that a drift of the
   machine's speed during the runs weighs on both sides alike; each run also
   shows the whole machine's CPU time and how busy it kept the cores, and
   a last line how far apart the two runs of each kind are (the same work
   timed twice: the machine's drift, beyond 5% a reason to measure again)
   and the speedup taken apart: how much busier parallel kept the cores,
   times how much less CPU it spent than serial for the same work;
4. the test suite's last run (`make test` records it in
   .grading/test-suite-timing.json): wall time against CPU time (pytest's
   and, from /proc/stat, the whole machine's), how busy that kept the
   cores, when each worker ran its last test, the test modules that
   ran while the cores sat idle (sampled every second), and, while pytest
   keeps that run's temporary folder, the notebooks and cells its kernels
   spent the most time in.
--quick measures one assignment (sections 1 and 2) and a class of 2: a
check that the benchmark runs, not figures to quote.
"""
import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from . import assignments, grading, notebooks as nbs, outcomes, parallel, source_notebooks, submissions


def execute_seconds(nb_path):
    """Seconds to execute a notebook in a fresh plain kernel (no sandbox, no
    zygote). The kernel listens on Unix sockets in a private folder, as the
    grading kernels do: over TCP, ipykernel warns on every start that
    anything on the machine could read its traffic."""
    # here, not at the top: tests/conftest.py imports this module for
    # machine_busy and SUITE_TIMING, and nbclient would add 0.3 s to every
    # pytest process's start
    from nbclient import NotebookClient
    from traitlets.config import Config

    nb = nbformat.read(str(nb_path), as_version=4)
    with tempfile.TemporaryDirectory(prefix="bench-kernel-") as private:
        config = Config()
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = os.path.join(private, "kernel")
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False, config=config,
                       resources={"metadata": {"path": str(Path(nb_path).parent)}}).execute()
        return time.perf_counter() - start


def processor():
    """The processor's model name, e.g. "AMD EPYC": the same 2-core CI
    machine has been an Intel Xeon one day and an AMD EPYC the next, with
    the suite 40% slower on the second, so a figure needs it beside it.
    From /proc/cpuinfo (Linux), else what platform knows, else the
    architecture."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_busy():
    """CPU seconds the whole machine has spent busy since boot (Linux; None
    elsewhere). Unlike os.times it also counts processes never waited for
    (Dask's workers, their kernels)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except OSError:
        return None
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait


# serial and parallel twice, in this order: a drift of the machine's speed
# during the four runs (seen here at 10% within minutes) slows or speeds
# both sides alike, where serial-then-parallel would give it all to one
CLASS_RUNS = ("serial", "parallel", "parallel", "serial")

SUITE_TIMING = Path(__file__).resolve().parent.parent / ".grading" / "test-suite-timing.json"


def suite_timing(path=SUITE_TIMING):
    """The figures tests/conftest.py recorded at the end of the last test run."""
    if not path.exists():
        return "no record yet: run `make test` first"
    t = json.loads(path.read_text())
    on = ""
    if t.get("processor"):  # older records lack it
        here = processor()
        on = f" on {t['processor']}" + ("" if t["processor"] == here else f" (another machine: this one is {here})")
    machine = t.get("machine_cpu_seconds")  # every process, from /proc/stat (older records lack it)
    busy = (machine or t["cpu_seconds"]) / max(t["wall_seconds"], 1e-9) / max(t["cores"], 1)
    workers = workers_line(t.get("workers_last_test_ended") or {})
    idle = idle_line(t.get("idle_core_seconds_while") or {})
    cells = ""
    if t.get("basetemp"):  # older records lack it
        folder = Path(t["basetemp"])
        cells = cells_line(cell_seconds(folder)) if folder.is_dir() else \
            f"the notebooks it executed are gone: {folder} no longer exists (pytest keeps its last three runs')"
    return (f"{t['date']}{on}: {t['passed']} passed, {t['failed']} failed, {t['errors']} errors\n"
            f"wall {t['wall_seconds'] / 60:5.1f} min, CPU {t['cpu_seconds'] / 60:5.1f} min in pytest and the "
            "processes it reaped"
            + (f", {machine / 60:5.1f} min on the whole machine" if machine else "")
            + f": the {t['cores']} cores were busy {busy:.0%} of the time"
            + (f"\n{workers}" if workers else "")
            + (f"\n{idle}" if idle else "")
            + (f"\n{cells}" if cells else ""))


def _cell_runs(path):
    """[(grade id or "cell N", start, seconds)] of each code cell nbclient ran
    in the notebook at `path`, from the timestamps it writes into the cell
    (metadata.execution, busy to idle: wall time, waiting included); [] for
    a file that is no such notebook (a broken upload, one never run)."""
    from datetime import datetime
    try:
        ran = []
        for i, cell in enumerate(json.loads(Path(path).read_bytes()).get("cells", [])):
            run = cell.get("metadata", {}).get("execution", {})
            busy, idle = run.get("iopub.status.busy"), run.get("iopub.status.idle")
            if cell.get("cell_type") == "code" and busy and idle:
                seconds = (datetime.fromisoformat(idle) - datetime.fromisoformat(busy)).total_seconds()
                ran.append((nbs.grade_id(cell) or f"cell {i}", busy, seconds))
        return ran
    except (OSError, ValueError, AttributeError, TypeError):
        return []


def cell_seconds(folder):
    """Where the kernels of a test run spent their time: every notebook it
    executed under `folder` (pytest's temporary folder of the run), by its
    cells' timestamps (_cell_runs). A notebook copied after it ran (the same
    timestamps) counts once. {"notebooks": n, "seconds": s, "by_notebook":
    {file name: [s, runs]}, "by_cell": {(file name, grade id or "cell N"):
    [s, runs]}}."""
    out = {"notebooks": 0, "seconds": 0.0, "by_notebook": {}, "by_cell": {}}

    def tally(table, key, seconds):
        total = out[table].setdefault(key, [0.0, 0])
        total[0] += seconds
        total[1] += 1

    seen = set()
    for root, dirs, files in os.walk(folder):  # symbolic links (pytest's *current) are not followed
        dirs[:] = [d for d in dirs if d != ".ipynb_checkpoints"]
        for name in files:
            # regular files only: the hostile learners' runs leave a FIFO in
            # a notebook's name (opening it would block) and links
            ran = _cell_runs(Path(root, name)) if name.endswith(".ipynb") and outcomes.is_regular(Path(root, name)) else []
            run = ran and (name, ran[0][1], ran[-1][1])  # the same timestamps: a copy of a run seen already
            if not run or run in seen:
                continue
            seen.add(run)
            seconds = sum(s for _, _, s in ran)
            out["notebooks"] += 1
            out["seconds"] += seconds
            tally("by_notebook", name, seconds)
            for cell, _, s in ran:
                tally("by_cell", (name, cell), s)
    return out


def cells_line(cells, most=4):
    """cell_seconds as two lines: the notebooks and the cells with the most time."""
    if not cells["notebooks"]:
        return "its kernels' cell times: no executed notebook left in its temporary folder"

    def top(items):
        ranked = sorted(items.items(), key=lambda kv: -kv[1][0])[:most]
        return ", ".join(f"{' '.join(key) if isinstance(key, tuple) else key} {s:.0f} s ({n} run{'s' * (n != 1)})"
                         for key, (s, n) in ranked)
    return (f"its kernels' cell time (wall, waiting included) in the {cells['notebooks']} notebooks it executed: "
            f"{cells['seconds']:.0f} s; most in {top(cells['by_notebook'])}\n"
            f"the cells with the most: {top(cells['by_cell'])}")


def workers_line(done):
    """When each pytest-xdist worker ran its last test ({worker: seconds from
    the start}), and so how long one sat idle at the end; "" for fewer than
    two workers (and records from before the workers were timed)."""
    if len(done) < 2:
        return ""
    return ("pytest-xdist workers' last tests ended at "
            + ", ".join(f"{w} {s:.0f} s" for w, s in sorted(done.items()))
            + f": one worker idle for the last {max(done.values()) - min(done.values()):.0f} s")


# The idle time of an interval in which no test ran on any worker.
BETWEEN_TESTS = "(between tests)"


def idle_while(samples, spans, cores):
    """Where the cores sat idle during a test run: {test module: idle
    core-seconds}. samples: [(time, busy CPU-seconds of the whole machine)],
    taken about once a second (machine_busy); spans: [(module, start, stop)],
    each phase (setup, call, teardown) of each test, on any worker. The idle
    time of each interval between two samples is shared among the modules
    that ran in it, in proportion to how long each ran there; BETWEEN_TESTS
    gets an interval in which none ran."""
    spans = sorted(spans, key=lambda span: span[1])
    out = {}
    for (t0, b0), (t1, b1) in zip(samples, samples[1:]):
        idle = cores * (t1 - t0) - (b1 - b0)
        if idle <= 0:
            continue
        ran = {}
        for module, start, stop in spans:
            if start >= t1:
                break
            overlap = min(stop, t1) - max(start, t0)
            if overlap > 0:
                ran[module] = ran.get(module, 0.0) + overlap
        ran = ran or {BETWEEN_TESTS: 1.0}
        total = sum(ran.values())
        for module, seconds in ran.items():
            out[module] = out.get(module, 0.0) + idle * seconds / total
    return out


def idle_line(idle, most=4):
    """The cores' idle time of a test run (idle_while) and the modules that
    ran while most of it passed; "" without a record (records from before
    the cores were sampled)."""
    if not idle:
        return ""
    top = [f"{seconds:.0f} " + ("between tests" if module == BETWEEN_TESTS else f"while {module} ran")
           for module, seconds in sorted(idle.items(), key=lambda kv: -kv[1])[:most] if round(seconds)]
    return f"cores idle {sum(idle.values()):.0f} core-s in all" + (": " + ", ".join(top) if top else "")


# Two runs of the same grading further apart than this: the machine's
# speed changed between them, by more than the speedup target's margin.
STEADY = 0.05


def drift_line(seconds):
    """How far apart the runs of the same kind are ({"serial": [s, ...],
    "parallel": [...]}): the same work timed twice, so their spread is the
    machine's drift during the runs, which no speedup figure can tell."""
    parts, spreads = [], []
    for kind, runs in seconds.items():
        if len(runs) < 2:
            continue
        spread = max(runs) / min(runs) - 1
        spreads.append(spread)
        parts.append(f"the {kind} runs {' and '.join(f'{r:.1f}' for r in runs)} s ({spread:.0%} apart)")
    if not parts:
        return "drift: not measured (each kind ran once)"
    verdict = (f"Within {STEADY:.0%}: the machine held steady." if max(spreads) <= STEADY else
               f"More than {STEADY:.0%} apart: the machine's speed changed during the runs; "
               "measure again before quoting the speedup.")
    return f"drift: {', '.join(parts)}. {verdict}"


def budget_line(seconds, cpu):
    """Section 3's speedup taken apart ({"serial": [s, ...], "parallel":
    [...]} of wall seconds, and of the whole machine's CPU-seconds, None
    where not measured). A run's wall time is its CPU time over the cores it
    kept busy, so the speedup is the product of two ratios: how much busier
    parallel kept the cores than serial, and serial's CPU over parallel's.
    The first alone is what parallel would read spending no more CPU than
    serial; on 2 cores it cannot pass 2 over serial's busy cores."""
    runs = {kind: (sum(seconds[kind]), sum(cpu[kind])) for kind in ("serial", "parallel")
            if seconds.get(kind) and cpu.get(kind) and None not in cpu[kind]}
    if len(runs) < 2:
        return "budget: not measured (no CPU time of the whole machine here)"
    (s_wall, s_cpu), (p_wall, p_cpu) = runs["serial"], runs["parallel"]
    s_busy, p_busy = s_cpu / s_wall, p_cpu / p_wall
    more = p_cpu / s_cpu - 1
    return (f"budget: x{s_wall / p_wall:.2f} = x{p_busy / s_busy:.2f} for the busier cores "
            f"({p_busy:.2f} against {s_busy:.2f}) times x{s_cpu / p_cpu:.2f} for the CPU "
            f"(parallel spent {p_cpu:.1f} CPU-s against serial's {s_cpu:.1f}: {abs(more):.0%} "
            f"{'more' if more >= 0 else 'less'}); at serial's CPU it would read x{p_busy / s_busy:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class-size", type=int, default=None, help="default: 20 (2 with --quick)")
    parser.add_argument("--assignment", default=None, help="assignment of the class benchmark (default: the first)")
    parser.add_argument("--workers", type=int, default=0, help="Dask workers (default: one per core)")
    parser.add_argument("--quick", action="store_true", help="one assignment and a class of 2")
    args = parser.parse_args(argv)
    # Every course graded here is a throw-away copy with a gradebook.db of its
    # own: a COURSE_DB_URL naming the class's database (PostgreSQL) must not
    # reach its commands and recordings (grading.own_gradebook).
    os.environ.pop("COURSE_DB_URL", None)
    assignment = args.assignment or assignments()[0]
    measured = [assignment] if args.quick else assignments()
    args.class_size = args.class_size or (2 if args.quick else 20)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    print(f"# Benchmark {time.strftime('%Y-%m-%d')} on {processor()} ({platform.machine()}), "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    tmp = Path(tempfile.mkdtemp(prefix="course-bench-"))

    print("\n## 1. Reference notebooks, plain execution")
    plain = {}
    for a in measured:
        for src in source_notebooks(a):
            plain[(a, src.name)] = execute_seconds(src)
            print(f"{a}/{src.name:<28} {plain[(a, src.name)]:6.1f} s")
    print(f"{'whole course' if not args.quick else 'measured':<40} {sum(plain.values()):6.1f} s")

    print("\n## 2. One complete submission: autograde vs plain execution")
    course = grading.copy_course(tmp / "one")
    for a in measured:
        grading.generate(course, a)
        ref = {src.name: submissions.reference(nbs.read(course / "release" / a / src.name), nbs.read(src))
               for src in source_notebooks(a)}
        submissions.write_submission(course, "reference", a, ref)
    start = time.perf_counter()
    for a in measured:
        grading.autograde(course, a)
    auto = time.perf_counter() - start
    print(f"autograde {auto:6.1f} s, plain {sum(plain.values()):6.1f} s, overhead x{auto / sum(plain.values()):.2f}")

    workers = args.workers or os.cpu_count()
    print(f"\n## 3. A class of {args.class_size} submissions of {assignment}: "
          f"serial nbgrader autograde vs parallel ({workers} Dask workers), in the order {', '.join(CLASS_RUNS)}, "
          "both warm (nbgrader, the kernels' libraries and Dask imported before the first run)")
    base = grading.copy_course(tmp / "gen")
    grading.generate(base, assignment)
    pool = submissions.class_for(base, assignment)
    names = sorted(pool)
    students = {f"learner{i:03d}": pool[names[i % len(names)]] for i in range(args.class_size)}
    courses = []
    for i, kind in enumerate(CLASS_RUNS, 1):
        # a copy of the generated course, gradebook included (as check.grade_class makes its classes)
        course = tmp / f"{i}-{kind}"
        shutil.copytree(base, course)
        for sid, nbs_by_name in students.items():
            submissions.write_submission(course, sid, assignment, nbs_by_name)
        courses.append(course)
    # Both sides warm before the first timed run: serial's nbgrader imports
    # were paid by the fork server and the kernel zygote in section 2, which
    # the workers' commands share; Dask's imports and first cluster (0.3-0.7 s
    # with a core idle) would be paid by the first parallel run alone.
    with parallel.cluster(workers=workers):
        pass
    seconds, cpu_seconds = {"serial": [], "parallel": []}, {"serial": [], "parallel": []}
    for i, (kind, course) in enumerate(zip(CLASS_RUNS, courses), 1):
        busy, start = machine_busy(), time.perf_counter()
        if kind == "serial":
            grading.autograde(course, assignment, check=False)
        else:
            parallel.autograde_parallel(course, assignment, workers=workers, progress=False)
        wall, busy = time.perf_counter() - start, None if busy is None else machine_busy() - busy
        seconds[kind].append(wall)
        cpu_seconds[kind].append(busy)
        cpu = "" if busy is None else f", {busy:6.1f} CPU-s on the whole machine, cores busy {busy / wall:.2f}"
        print(f"{i}. {kind:<8} {wall:6.1f} s  ({wall / args.class_size:.1f} s per submission){cpu}", flush=True)
    dumps = [grading.dump_gradebook(grading.db_url_of(course)) for course in courses]
    same = all(d == dumps[0] for d in dumps[1:])
    # the k-th serial run against the k-th parallel run (with CLASS_RUNS above: runs 1-2, then 4-3)
    order = {kind: [i for i, k in enumerate(CLASS_RUNS, 1) if k == kind] for kind in seconds}
    pairs = ", ".join(f"runs {min(s, p)}-{max(s, p)} alone x{ts / tp:.2f}" for s, p, ts, tp in
                      zip(order["serial"], order["parallel"], seconds["serial"], seconds["parallel"]))
    print(f"speedup x{sum(seconds['serial']) / sum(seconds['parallel']):.2f} (all serial time over all "
          f"parallel time; {pairs}); identical gradebooks: {same}")
    print(drift_line(seconds))
    print(budget_line(seconds, cpu_seconds))
    print("\n## 4. The test suite, as `make test` last ran it here")
    print(suite_timing())
    print(f"\n(work folder: {tmp})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
