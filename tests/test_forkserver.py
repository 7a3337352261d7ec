"""nbgrader commands forked from a pre-imported server (coursetools/forkserver.py)
behave as `python -m nbgrader` run as a subprocess; the server, and the
kernel zygote started beside it, leave no folder behind."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import wait_for
from coursetools import ROOT, forkserver, grading

# nbgrader executes the course's nbgrader_config.py: this one shows what the
# command sees (folder, import path, environment, hash seed, argv, what
# SIGTERM and SIGHUP do to it), then sleeps when asked to.
CONFIG = """\
import os, signal, sys, time
stops = [{signal.SIG_DFL: "default", signal.SIG_IGN: "ignored"}.get(signal.getsignal(s), "handled")
         for s in (signal.SIGTERM, signal.SIGHUP)]
print("SEEN", os.getcwd(), sys.path[0], os.environ.get("COURSE_PROBE"), os.environ.get("PYTHONHASHSEED"),
      hash("course") == {hash0}, sys.argv[1:], stops, file=sys.stderr, flush=True)
if os.environ.get("COURSE_PIDFILE"):
    open(os.environ["COURSE_PIDFILE"], "w").write(str(os.getpid()))
time.sleep(float(os.environ.get("COURSE_SLEEP", "0")))
"""


def _course(tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    seeded = subprocess.run([sys.executable, "-c", "print(hash('course'))"], env=dict(os.environ, PYTHONHASHSEED="0"),
                            capture_output=True, text=True).stdout.strip()
    (course / "nbgrader_config.py").write_text(CONFIG.replace("{hash0}", seeded))
    return course


def _plain(args, course, env=None, timeout=120):
    """`python -m nbgrader ARGS` in `course` as a process of its own: what a forked command must match."""
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _seen(proc):
    return next(line for line in proc.stderr.splitlines() if line.startswith("SEEN"))


def test_a_forked_command_sees_and_reports_what_a_subprocess_does(tmp_path):
    course = _course(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "COURSE_PROBE"}
    env.update(COURSE_PROBE="probe value", PYTHONHASHSEED="0")
    args = ["autograde", "no_such_assignment", "--force"]
    plain = _plain(args, course, env)
    forked = forkserver.run(args, course, env, timeout=120)
    assert forked.returncode == plain.returncode == 1
    assert _seen(forked) == _seen(plain), "folder, import path, environment, hash seed or argv differ"
    assert str(course) in _seen(forked) and "probe value" in _seen(forked) and "True" in _seen(forked)
    assert "No notebooks were matched" in forked.stderr
    ok = forkserver.run(["--version"], course, env, timeout=120)
    assert ok.returncode == 0 and ok.stdout == _plain(["--version"], course, env).stdout


def test_a_forked_command_keeps_sighup_ignored_under_nohup_as_a_subprocess_does(tmp_path):
    """The server ignores SIGINT, SIGTERM and SIGHUP (they may reach the whole
    process group; coursetools/interrupts.py), and each command gets them
    back as its starter had them: its defaults (the test above), or ignored,
    e.g. SIGHUP under nohup, where a hang-up must not stop the commands."""
    course = _course(tmp_path)
    args = ["autograde", "no_such_assignment", "--force"]
    both = (f"import os, subprocess, sys; from coursetools import forkserver\n"
            f"print(forkserver.run({args!r}, {str(course)!r}, dict(os.environ), timeout=120).stderr)\n"
            f"print('PLAIN')\n"
            f"print(subprocess.run([sys.executable, '-m', 'nbgrader', *{args!r}], cwd={str(course)!r}, "
            f"capture_output=True, text=True, timeout=120).stderr)")
    nohup = subprocess.run([sys.executable, "-c", both], cwd=ROOT, capture_output=True, text=True, timeout=240,
                           env=dict(os.environ, PYTHONHASHSEED="0"),
                           preexec_fn=lambda: (signal.signal(signal.SIGTERM, signal.SIG_DFL),
                                               signal.signal(signal.SIGHUP, signal.SIG_IGN)))
    # nbgrader reads its configuration more than once: each command's first line
    forked, plain = [next(line for line in part.splitlines() if line.startswith("SEEN"))
                     for part in nohup.stdout.split("\nPLAIN\n")]
    assert forked == plain, f"a forked command under nohup: {forked}\na subprocess: {plain}"
    assert "['default', 'ignored']" in forked, forked


def test_a_command_finds_what_every_command_would_build_built_already(tmp_path):
    """nbformat's compiled notebook validators, strict and relaxed, the
    modules a command imports to start a kernel and open a gradebook, and
    nbgrader's configured ORM mappers come from the server: a command finds
    them in place when nbgrader reads its configuration (a plain
    `python -m nbgrader` would build and import them itself)."""
    course = tmp_path / "course"
    course.mkdir()
    (course / "nbgrader_config.py").write_text(
        "import sys\nimport nbformat.validator\nimport nbgrader.api\n"
        "print('FOUND', sorted(key[-1] for key in nbformat.validator.validators), "
        "[m for m in ('IPython', 'ipykernel.kernelspec', 'sqlite3', 'sqlalchemy.dialects.sqlite') "
        "if m in sys.modules], nbgrader.api.Grade.__mapper__.configured, file=sys.stderr)\n")
    args = ["autograde", "no_such_assignment", "--force"]

    def first_found(stderr):  # nbgrader reads its configuration more than once
        return next(line for line in stderr.splitlines() if line.startswith("FOUND"))

    forked = forkserver.run(args, course, dict(os.environ), timeout=120).stderr
    assert first_found(forked) == ("FOUND [False, True] ['IPython', 'ipykernel.kernelspec', 'sqlite3', "
                                   "'sqlalchemy.dialects.sqlite'] True")
    plain = _plain(args, course).stderr
    assert first_found(plain) == "FOUND [] [] False", "the control: a plain nbgrader command has none of them yet"


def test_a_command_past_its_timeout_is_killed(tmp_path):
    course = _course(tmp_path)
    pidfile = tmp_path / "pid"
    env = dict(os.environ, COURSE_SLEEP="60", COURSE_PIDFILE=str(pidfile))
    forkserver.run(["--version"], course, os.environ, timeout=120)  # the server is up
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        forkserver.run(["autograde", "x"], course, env, timeout=3)
    assert time.monotonic() - started < 30
    status = f"/proc/{pidfile.read_text()}/status"
    for _ in range(50):  # the server reaps it within a second
        if not os.path.exists(status):
            break
        time.sleep(0.1)
    assert not os.path.exists(status), "the command still runs after its timeout"


def test_a_stopped_run_kills_the_commands_still_running_and_the_server_serves_on(tmp_path):
    """kill_commands (a grading run stopped by SIGTERM, which reaches that
    process alone): the running commands end at once, as Ctrl-C ends them,
    and the next command runs as usual."""
    from concurrent.futures import ThreadPoolExecutor
    course = _course(tmp_path)
    env = dict(os.environ, COURSE_SLEEP="60", COURSE_PIDFILE=str(tmp_path / "pid"))
    forkserver.run(["--version"], course, os.environ, timeout=120)  # the server is up
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(forkserver.run, ["autograde", "x"], course, env, timeout=120)
        wait_for("the command to start", lambda: (tmp_path / "pid").exists(), alive=lambda: not running.done())
        started = time.monotonic()
        forkserver.kill_commands()
        assert running.result(timeout=30).returncode == -signal.SIGKILL
    assert time.monotonic() - started < 10, "the command ran on after kill_commands"
    assert forkserver.run(["--version"], course, os.environ, timeout=120).returncode == 0


def test_commands_run_side_by_side(tmp_path):
    """Several threads (the Dask worker's, the tests') share one server."""
    from concurrent.futures import ThreadPoolExecutor
    course = _course(tmp_path)
    env = dict(os.environ, COURSE_SLEEP="2")
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        done = list(pool.map(lambda _: forkserver.run(["autograde", "x"], course, env, timeout=120), range(4)))
    assert [p.returncode for p in done] == [1] * 4 and all("SEEN" in p.stderr for p in done)
    assert time.monotonic() - started < 4 * 2, "the commands ran one after the other"


def test_the_server_is_reaped_with_the_cpu_time_of_its_commands(tmp_path):
    course = _course(tmp_path)
    before = os.times()
    forkserver.run(["--version"], course, os.environ, timeout=120)
    forkserver.stop()
    after = os.times()
    # at least the import of nbgrader (more than 0.3 s of CPU) is accounted to this process now
    assert (after.children_user + after.children_system) - (before.children_user + before.children_system) > 0.3


def test_a_new_gradebook_records_the_migration_head_nbgrader_records(tmp_path):
    """The server reads the head of nbgrader's migrations once (not with an
    `alembic heads` process per new gradebook): the version a new gradebook
    records is the one `python -m nbgrader` records."""
    import shutil
    import sqlite3
    venv_bin = os.path.dirname(sys.executable)
    env = grading.command_env()  # the course's environment: venv_bin first on PATH
    # without `alembic` on its PATH, nbgrader's own way would fail: the
    # forked command shows that it did not start one
    bare = dict(os.environ, PATH=os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                                                 if p and os.path.abspath(p) != os.path.abspath(venv_bin)))
    assert shutil.which("alembic", path=bare["PATH"]) is None
    versions = {}
    for how in ("subprocess", "forked"):
        course = tmp_path / how
        course.mkdir()
        (course / "nbgrader_config.py").write_text("")
        args = ["db", "student", "add", "alice"]
        proc = forkserver.run(args, course, bare, timeout=120) if how == "forked" else _plain(args, course, env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        with sqlite3.connect(course / "gradebook.db") as db:
            versions[how] = db.execute("SELECT version_num FROM alembic_version").fetchall()
    assert versions["forked"] == versions["subprocess"] and len(versions["forked"]) == 1, versions


# Writes a line to the file COURSE_SCHEMA_CHECKS each time jsonschema checks
# a schema against its metaschema (nbgrader reads its config more than once:
# counted once).
COUNTING_CONFIG = """\
import os
from jsonschema import validators
if not hasattr(validators, "course_counted"):
    validators.course_counted = plain = validators.Draft4Validator.check_schema.__func__
    def counted(cls, schema, **kw):
        with open(os.environ["COURSE_SCHEMA_CHECKS"], "a") as f:
            f.write("checked\\n")
        return plain(cls, schema, **kw)
    validators.Draft4Validator.check_schema = classmethod(counted)
"""


def _source_course(tmp_path, name, grade_id_of_last, config=COUNTING_CONFIG):
    """A course whose source notebook has 20 graded cells (every fifth one
    fails); the last one's grade_id is given."""
    import nbformat
    course = tmp_path / name
    (course / "source" / "ps1").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(config)
    nb = nbformat.v4.new_notebook()
    for i in range(20):
        meta = {"grade": True, "solution": False, "locked": True, "points": 1, "schema_version": 3,
                "grade_id": f"test_{i}" if i < 19 else grade_id_of_last}
        nb.cells.append(nbformat.v4.new_code_cell(f"assert {i % 5 != 4}", metadata={"nbgrader": meta}))
    nbformat.write(nb, str(course / "source" / "ps1" / "ps1.ipynb"))
    return course


def test_cell_metadata_is_validated_as_nbgrader_does_with_its_schema_checked_once(tmp_path):
    """nbgrader validates every graded cell's metadata with jsonschema.validate,
    which checks nbgrader's schema against the metaschema at each call. A
    forked command checks each schema once and validates the same: valid
    metadata passes, invalid metadata fails with nbgrader's message."""
    env = grading.command_env()  # the venv's bin first on PATH (alembic, for a new gradebook)
    args = ["generate_assignment", "ps1", "--force"]
    seen = {}
    for name, last_id in (("valid", "test_19"), ("invalid", "not a valid id!")):
        course = _source_course(tmp_path, name, last_id)
        plain = _plain(args, course, dict(env, COURSE_SCHEMA_CHECKS=str(course / "plain.checks")))
        (course / "gradebook.db").unlink(missing_ok=True)
        forked = forkserver.run(args, course, dict(env, COURSE_SCHEMA_CHECKS=str(course / "forked.checks")),
                                timeout=120)
        seen[name] = plain, forked
        assert forked.returncode == plain.returncode, (plain.stderr[-2000:], forked.stderr[-2000:])
    plain, forked = seen["valid"]
    assert plain.returncode == 0, plain.stderr[-2000:]
    counts = [len((tmp_path / "valid" / f"{how}.checks").read_text().splitlines()) for how in ("plain", "forked")]
    assert counts[0] >= 20 and counts[1] == 1, f"schema checks: subprocess {counts[0]}, forked {counts[1]}"
    plain, forked = seen["invalid"]
    assert plain.returncode != 0
    why = "'not a valid id!' does not match"
    assert why in plain.stderr and why in forked.stderr, (plain.stderr[-2000:], forked.stderr[-2000:])


# Writes a line to the file COURSE_ENGINES for each Gradebook the command
# opens: "new" when its SQLAlchemy engine is one the command had not seen
# (the engines are kept, so no id is reused), else "again".
ENGINE_CONFIG = """\
import os, nbgrader.api
if not hasattr(nbgrader.api, "course_engines"):
    nbgrader.api.course_engines = engines = []
    opened = nbgrader.api.Gradebook.__init__
    def recorded(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        seen = any(engine is self.engine for engine in engines)
        engines.append(self.engine)
        with open(os.environ["COURSE_ENGINES"], "a") as f:
            f.write(("again" if seen else "new") + "\\n")
    nbgrader.api.Gradebook.__init__ = recorded
"""


def test_the_gradebooks_of_a_command_share_one_engine_and_record_what_nbgrader_records(tmp_path):
    """An autograde command opens a Gradebook at each step of each notebook.
    Forked, they share one SQLAlchemy engine (a plain command makes one for
    each), and the gradebook it writes is the plain command's."""
    env = grading.command_env()  # the venv's bin first on PATH (alembic, for a new gradebook)
    opened, dumps = {}, {}
    for how in ("plain", "forked"):
        course = _source_course(tmp_path, how, "test_19", config=ENGINE_CONFIG)
        record = course / "engines"
        run_env = dict(env, COURSE_ENGINES=str(record))
        assert forkserver.run(["generate_assignment", "ps1", "--force"], course, run_env, timeout=300).returncode == 0
        folder = course / "submitted" / "alice" / "ps1"
        folder.mkdir(parents=True)
        (folder / "ps1.ipynb").write_text((course / "release" / "ps1" / "ps1.ipynb").read_text())
        (folder / "timestamp.txt").write_text("2026-11-01 12:00:00.000000 UTC")
        record.unlink()
        args = ["autograde", "ps1", "--force"]
        proc = (forkserver.run(args, course, run_env, timeout=300) if how == "forked"
                else _plain(args, course, run_env, timeout=300))
        assert proc.returncode == 0, proc.stderr[-3000:]
        opened[how] = record.read_text().split()
        dumps[how] = grading.dump_gradebook(f"sqlite:///{course / 'gradebook.db'}")
    assert len(opened["plain"]) > 2 and set(opened["plain"]) == {"new"}, opened["plain"]
    assert opened["forked"] == ["new"] + ["again"] * (len(opened["plain"]) - 1), opened
    scores = [grade[1] for grade in dumps["plain"][("alice", "ps1")]["notebooks"]["ps1"]["grades"]]  # auto_score
    assert sorted(scores) == [0.0] * 4 + [1.0] * 16, scores
    assert dumps["forked"] == dumps["plain"]


def test_a_killed_starter_leaves_neither_server_folder_behind():
    """The fork server and the kernel zygote remove their folders (their
    sockets, the zygote's scratch home) themselves when the process that
    started them ends: killed, it has no chance to (a Dask worker lost
    mid-task, `make grade` killed)."""
    code = ("import time; from coursetools import forkserver, grading, sandbox; "
            "print(forkserver.socket_path(), sandbox.zygote_for_command(grading.command_env()), flush=True); "
            "time.sleep(600)")
    starter = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                               env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        socket, zygote = starter.stdout.readline().split()
    finally:
        starter.kill()
        starter.wait()
    folders = [os.path.dirname(socket)] + ([] if zygote == "None" else [zygote])
    assert zygote != "None" or not os.environ.get("CI"), "under CI the kernel zygote must work"
    deadline = time.monotonic() + 30
    while any(os.path.exists(f) for f in folders) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [f for f in folders if os.path.exists(f)], "left behind by servers whose starter was killed"


@pytest.mark.parametrize("server", ["fork server", "kernel zygote"])
def test_a_server_whose_starter_is_gone_before_it_is_ready_ends_quietly(server, tmp_path):
    """The starter killed while its fork server or kernel zygote imports
    (a Dask worker lost, `make grade` killed as it begins): the server
    finds no one to tell it is ready, and ends without a traceback on the
    terminal they shared, its folder removed."""
    folder = tmp_path / "server"
    folder.mkdir()
    code = {"fork server": forkserver._SERVER,
            "kernel zygote": "import sys; from coursetools import zygote; zygote.serve(sys.argv[1], {})"}[server]
    proc = subprocess.Popen([sys.executable, "-c", code, str(folder / "socket")], cwd=folder,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # gone before the server has imported what it serves with
    proc.stdout = None
    try:
        err = proc.communicate(timeout=120)[1]
    finally:
        proc.kill()
    assert "Traceback" not in err, err
    assert not folder.exists(), f"left behind: {sorted(p.name for p in folder.iterdir())}"


def test_a_killed_server_is_replaced_and_its_folder_removed(tmp_path):
    """A fork server or kernel zygote killed under this process (out of
    memory, say) is started again at the next command, and its folder goes."""
    from coursetools import sandbox, zygote
    course = _course(tmp_path)
    old = forkserver.socket_path()
    server = forkserver._start()[0]
    server.kill()
    server.wait()
    assert forkserver.run(["--version"], course, os.environ, timeout=120).returncode == 0
    assert forkserver.socket_path() != old and not os.path.exists(os.path.dirname(old)), \
        "the killed fork server's folder is left"
    folder = sandbox.zygote_for_command(grading.command_env())
    if folder is None:
        assert not os.environ.get("CI"), "under CI the kernel zygote must work"
        return
    killed = next(z for z in zygote._zygotes.values() if z.folder == folder)
    killed.proc.kill()
    killed.proc.wait()
    again = sandbox.zygote_for_command(grading.command_env())
    assert again != folder and not os.path.exists(folder), "the killed zygote's folder is left"
