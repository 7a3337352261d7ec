"""nbgrader commands forked from a pre-imported server (coursetools/forkserver.py)
behave as `python -m nbgrader` run as a subprocess."""
import os
import subprocess
import sys
import time

import pytest

from coursetools import forkserver

# nbgrader executes the course's nbgrader_config.py: this one shows what the
# command sees (folder, import path, environment, hash seed, argv), then
# sleeps when asked to.
CONFIG = """\
import os, sys, time
print("SEEN", os.getcwd(), sys.path[0], os.environ.get("COURSE_PROBE"), os.environ.get("PYTHONHASHSEED"),
      hash("course") == {hash0}, sys.argv[1:], file=sys.stderr, flush=True)
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


def _seen(proc):
    return next(line for line in proc.stderr.splitlines() if line.startswith("SEEN"))


def test_a_forked_command_sees_and_reports_what_a_subprocess_does(tmp_path):
    course = _course(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "COURSE_PROBE"}
    env.update(COURSE_PROBE="probe value", PYTHONHASHSEED="0")
    args = ["autograde", "no_such_assignment", "--force"]
    plain = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                           capture_output=True, text=True, timeout=120)
    forked = forkserver.run(args, course, env, timeout=120)
    assert forked.returncode == plain.returncode == 1
    assert _seen(forked) == _seen(plain), "folder, import path, environment, hash seed or argv differ"
    assert str(course) in _seen(forked) and "probe value" in _seen(forked) and "True" in _seen(forked)
    assert "No notebooks were matched" in forked.stderr
    ok = forkserver.run(["--version"], course, env, timeout=120)
    assert ok.returncode == 0 and ok.stdout == subprocess.run(
        [sys.executable, "-m", "nbgrader", "--version"], cwd=course, env=env, capture_output=True, text=True).stdout


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
