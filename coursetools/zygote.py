"""Grading kernels forked from a process that has imported the course's
libraries once (the zygote pattern).

A fresh grading kernel spends 2-5 s of CPU before the learner's first line
runs: Python, ipykernel and IPython start, then the notebook imports numpy,
pandas, matplotlib, scikit-learn or torch. Grading a class pays that once per
notebook per learner. Here one server process (the zygote) imports ipykernel
once, and each library of the course (LIBRARIES) when the first notebook
that imports it comes; each kernel is a fresh child forked from it, confined
in the very sandbox coursetools/sandbox.py describes, and only then started
as an ipykernel with nbgrader's connection file and arguments. (A kernel may
thus find a library in sys.modules that its notebook does not import.)

How a kernel is born (the sandbox is built by the child itself, with the
Linux calls bwrap uses: unshare, mount, pivot_root):
- the zygote forks a monitor, which moves into new user, mount, PID,
  network, IPC and UTS namespaces and forks the namespace's init (PID 1);
- init builds the sandbox's file system (sandbox.layout: the system and
  Python read-only, coursetools/ read-only, the kernel's working folder (a
  throw-away copy of the learner's, at its path) and its private socket
  folder writable, a private /tmp, /proc and /dev),
  switches to it, makes it read-only, drops every capability and forks the
  kernel (PID 2), whose exit status it passes on;
- the kernel clears its environment down to the sandbox's variables,
  reseeds what a new process would seed (numpy's global generator; Python's
  `random` reseeds itself after a fork) and runs ipykernel as
  `python -m ipykernel_launcher ARGS` would, in its working folder.

jupyter_client needs a process to own: it starts a small launcher (plain
Python without site-packages, a few ms) that hands the request and its stdin,
stdout and stderr to the zygote over a Unix socket and exits with the
kernel's status. Killing the launcher kills the kernel (the zygote sees the
socket close), and a kernel outlives neither the zygote nor its monitor.

The zygote runs with the sandbox's environment, so the libraries it
imports see what a fresh sandboxed kernel would; only HOME, IPYTHONDIR and
MPLCONFIGDIR point into its own scratch folder while it imports (the
kernels get the sandbox's values back). A zygote belongs to one process (an
nbgrader command, a Dask worker through grading.nbgrader) and ends with it.

COURSE_ZYGOTE=off starts every kernel with bwrap as before; so does a
machine where the zygote cannot build the sandbox (its first fork is a
trial; nbgrader's log then says why kernels start with bwrap).
"""
import atexit
import gc
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from . import confine, tracebacks

# What the zygote imports: the kernel itself at start; the libraries of the
# course's notebooks when the first notebook that imports them comes (never
# anything else: a module is imported outside the sandbox, so only these).
# (ipykernel.debugger imports debugpy, which every kernel does as it starts:
# half of a forked kernel's start-up CPU; torch._dynamo is what an
# optimizer's first step imports, some 800 modules and 1 s of CPU, in every
# kernel that trains a model)
KERNEL = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.debugger", "coursetools.guard", "numpy",
          "numpy.testing", "numpy.linalg")
LIBRARIES = {
    "scipy": ("scipy", "scipy.special"),
    "pandas": ("pandas",),
    "matplotlib": ("matplotlib", "matplotlib.pyplot", "matplotlib_inline.backend_inline"),
    "seaborn": ("seaborn",),
    "sklearn": ("sklearn", "sklearn.base", "sklearn.datasets", "sklearn.metrics", "sklearn.linear_model",
                "sklearn.preprocessing", "sklearn.model_selection", "sklearn.pipeline", "sklearn.compose",
                "sklearn.impute", "sklearn.tree", "sklearn.ensemble", "sklearn.cluster", "sklearn.svm",
                "sklearn.neighbors", "sklearn.exceptions", "sklearn.utils.validation"),
    "torch": ("torch", "torch.nn", "torch.nn.functional", "torch.utils.data", "torch.optim", "torch._dynamo"),
}


def _report():
    """The traceback of the exception being handled, to stderr (nbgrader's log)."""
    import traceback
    traceback.print_exc()
    sys.stderr.flush()


def _exit_code(status):
    code = os.waitstatus_to_exitcode(status)
    return code if code >= 0 else 128 - code


def _init(request, reseed):
    """PID 1 of the kernel's namespaces: build the sandbox, fork the kernel,
    reap orphans, and exit with the kernel's status."""
    confine.die_with_parent()
    confine.build_root([tuple(item) for item in request["layout"]])
    confine.set_hostname("grading")
    os.chdir(request["workdir"])
    confine.drop_privileges()
    if request.get("trial"):  # Zygote.trial: the sandbox could be built
        os._exit(0)
    kernel = os.fork()
    if kernel == 0:
        _run_kernel(request, reseed)  # never returns
    while True:
        pid, status = os.waitpid(-1, 0)
        if pid == kernel:
            os._exit(_exit_code(status))


def _run_kernel(request, reseed):
    """`python -m ipykernel_launcher ARGS` in this (already confined) process."""
    code = 1
    try:
        os.environ.clear()
        os.environ.update(request["env"], PWD=request["workdir"])  # PWD: as bwrap --chdir sets it
        os.environ.update(_KERNEL_ENV)
        for fix in reseed:
            fix()
        # as `python -m ipykernel_launcher` in the learner's folder: the path
        # Python started with, without that folder (the launcher removes it)
        pythonpath = [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        sys.path[:] = pythonpath + _STARTUP_PATH
        import ipykernel_launcher
        sys.argv = [ipykernel_launcher.__file__, *request["argv"]]
        from ipykernel import kernelapp
        try:
            kernelapp.launch_new_instance()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        _let_control_finish(kernelapp.IPKernelApp)
        import atexit as _atexit
        _atexit._run_exitfuncs()
    except BaseException:
        _report()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _let_control_finish(app_class, seconds=1.0):
    """Wait (at most `seconds`) for the kernel's control thread to end before
    the exit functions run, as it does once it has answered a shutdown
    request. It still flushes stdout and publishes its idle status through
    the IOPub thread, and an exit function (IPKernelApp.close) stops that
    thread: when the stop comes between the flush's request and its
    answer, the flush waits for an answer that never comes, close() waits
    for the control thread, and the kernel lives on until jupyter_client
    sends SIGTERM 2.5 s later. That race is ipykernel's own: kernels forked
    here met it in 7 of 100 runs without this wait (none of 160 with it),
    kernels started by bwrap (COURSE_ZYGOTE=off) in 1 of 70."""
    app = app_class.instance() if app_class.initialized() else None
    control = getattr(app, "control_thread", None)
    if control is not None and control.is_alive():
        control.join(seconds)


# --- the server -------------------------------------------------------------

def _reseeders():
    """What a new process seeds differently each time and a forked one
    would inherit: numpy's global generator (Python's random reseeds itself
    after fork)."""
    fixes = []
    if "numpy" in sys.modules:
        fixes.append(lambda: sys.modules["numpy"].random.seed())
    return fixes


def _reset_matplotlib():
    """matplotlib remembers where its config folder was while the zygote
    imported it; the kernel's is in its private home."""
    mpl = sys.modules.get("matplotlib")
    if mpl is None:
        return
    for name in ("get_configdir", "get_cachedir"):
        getattr(getattr(mpl, name), "cache_clear", lambda: None)()
    style = sys.modules.get("matplotlib.style.core")
    if style is not None and hasattr(style, "USER_LIBRARY_PATHS"):
        style.USER_LIBRARY_PATHS[:] = [os.path.join(mpl.get_configdir(), "stylelib")]


_STARTUP_PATH = []
# what importing KERNEL put into the environment (debugpy sets
# PYDEVD_USE_FRAME_EVAL): a kernel started by bwrap sets it as it starts
_KERNEL_ENV = {}


def serve(path, sandbox_env):
    """The zygote: import KERNEL, then fork a confined kernel per request on
    the Unix socket at `path` (after importing the LIBRARIES it names) until
    stdin closes."""
    import select
    # as ipykernel's kernel spec sets it for every kernel: debugpy's import
    # (ipykernel.debugger) then warns of nothing on the zygote's stderr
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    before = dict(os.environ)
    _import(KERNEL)
    _KERNEL_ENV.update((k, v) for k, v in os.environ.items() if before.get(k) != v)
    # the path Python starts with when PYTHONPATH is empty: each kernel puts
    # its own PYTHONPATH (its course's coursetools/) in front
    _STARTUP_PATH[:] = sys.path[1:]
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w)
    try:
        print("ready", flush=True)
    except BrokenPipeError:  # its starter is gone already (killed as it started the zygote): no traceback
        shutil.rmtree(os.path.dirname(os.path.abspath(path)), ignore_errors=True)
        os._exit(0)
    monitors = {}  # monitor pid -> connection to its launcher
    private = {}  # monitor pid -> its kernel's private folder (Zygote.command), removed once it is gone
    while True:
        ready, _, _ = select.select([listener, sys.stdin, wake_r, *monitors.values()], [], [])
        if wake_r in ready:
            os.read(wake_r, 4096)
        for pid, conn in list(monitors.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                _remove(private.pop(pid, None))
                _tell(conn, f"exit {_exit_code(status)}")
                conn.close()
                del monitors[pid]
            elif conn in ready and _gone(conn):
                os.kill(pid, signal.SIGKILL)  # its launcher is gone: so is the kernel
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1):
            for pid in monitors:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                _remove(private.pop(pid, None))
            # its folder goes with it: stdin closes when the process that
            # started it ends, even killed (Zygote.stop has no chance then)
            shutil.rmtree(os.path.dirname(os.path.abspath(path)), ignore_errors=True)
            return
        if listener not in ready:
            continue
        conn, _ = listener.accept()
        # A launcher can be killed at any point here (a kernel restarted or
        # stopped as it starts): that costs its kernel only, never the zygote.
        fds, request = [], None
        try:
            message, fds, _flags, _ = socket.recv_fds(conn, 1 << 20, 3)
            while not message.endswith(b"\n"):
                more = conn.recv(1 << 20)
                if not more:
                    break
                message += more
            request = json.loads(message)
        except (OSError, ValueError):
            pass
        if request is not None and _key(request.get("env", {})) != sandbox_env:
            _tell(conn, "error the kernel's environment is not the one this zygote imported with")
            request = None
        if request is None:
            conn.close()
            for fd in fds:
                os.close(fd)
            continue
        _import([m for lib in request.get("libraries", ()) for m in LIBRARIES.get(lib, ())])
        # inspect's file cache of these modules, which each kernel's first
        # traceback would otherwise fill (coursetools/tracebacks.py)
        tracebacks.warm()
        # what the zygote holds goes to the collector's permanent generation:
        # a kernel's collections then never walk the libraries it inherited
        # (CPU, and a copy of every page they touch)
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            _monitor(request, fds)
        for fd in fds:
            os.close(fd)
        _tell(conn, f"pid {pid}")  # its launcher may be gone already: the loop above then kills the kernel
        monitors[pid] = conn
        private[pid] = request.get("private")


def _tell(conn, line):
    """Send `line` to the launcher at the other end of `conn`, unless it is
    gone already (ended, killed)."""
    try:
        conn.sendall(f"{line}\n".encode())
    except OSError:
        pass


def _gone(conn):
    """Has the launcher at the other end of `conn` closed it (ended)?"""
    try:
        return not conn.recv(1, socket.MSG_PEEK)
    except OSError:
        return True


def _remove(folder):
    """Remove a kernel's private folder (its connection file and sockets)
    once the kernel is gone: its kernel manager removes it too, unless the
    nbgrader command that owns it was stopped first (Ctrl-C, killed)."""
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _import(names):
    for name in names:
        if name not in sys.modules:
            try:
                __import__(name)
            except Exception:  # a library missing here is imported by the notebook as usual
                pass


def _monitor(request, fds):
    """The zygote's child: into new namespaces, then wait for their init."""
    code = 1
    try:
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a fresh Python
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        os.setsid()
        confine.die_with_parent()
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        # nothing of the zygote's reaches the kernel: not its sockets and
        # pipes, nor any file a library opened (an open folder outside the
        # sandbox would be a way out of it)
        os.closerange(3, os.sysconf("SC_OPEN_MAX"))
        reseed = _reseeders() + [_reset_matplotlib]
        confine.enter_namespaces()
        init = os.fork()
        if init == 0:
            try:
                _init(request, reseed)
            except BaseException:
                _report()
            os._exit(1)
        code = _exit_code(os.waitpid(init, 0)[1])
    except BaseException:
        _report()
    finally:
        os._exit(code)


# --- the launcher jupyter_client starts ----------------------------------------

_LAUNCHER = r'''
import socket, sys
conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
conn.connect(sys.argv[1])
socket.send_fds(conn, [(sys.argv[2] + "\n").encode()], [0, 1, 2])
code = 1
for line in conn.makefile("r"):
    word, _, rest = line.strip().partition(" ")
    if word == "exit":
        code = int(rest)
    elif word == "error":
        print(f"grading kernel zygote: {rest}", file=sys.stderr)
sys.exit(code)
'''


def _key(sandbox_env):
    """What makes two kernels' zygote the same: the sandbox environment
    except PYTHONPATH (each course copy has its own coursetools/; the
    kernel gets its own PYTHONPATH and import path back), with the
    MPLBACKEND ipykernel would set (matplotlib reads it when imported)."""
    key = {k: v for k, v in sandbox_env.items() if k != "PYTHONPATH"}
    key.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return key


def digest(coursetools):
    """The coursetools/ sources a zygote imported the grading kernel from."""
    import hashlib
    h = hashlib.sha256()
    for path in sorted(Path(coursetools).glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class Zygote:
    """A zygote server process for one sandbox environment, or (attach) a
    handle on one that another process started."""

    COURSETOOLS = Path(__file__).resolve().parent

    def __init__(self, sandbox_env):
        self.env = _key(sandbox_env)
        self.folder = tempfile.mkdtemp(prefix="course-zygote-")
        self.path = os.path.join(self.folder, "socket")
        scratch = os.path.join(self.folder, "home")
        os.mkdir(scratch)
        env = dict(self.env, HOME=scratch, IPYTHONDIR=f"{scratch}/.ipython", MPLCONFIGDIR=f"{scratch}/.matplotlib")
        # Ctrl-C, SIGTERM and SIGHUP ignored from the start: they may reach
        # the whole process group, and the zygote ends when its starter
        # closes its stdin (its kernels run in sessions of their own;
        # coursetools/interrupts.py)
        code = (f"import signal, sys; [signal.signal(s, signal.SIG_IGN) for s in "
                f"(signal.SIGINT, signal.SIGTERM, signal.SIGHUP)]; "
                f"sys.path[0] = {str(self.COURSETOOLS.parent)!r}; from coursetools import zygote; "
                f"zygote.serve(sys.argv[1], {self.env!r})")
        self.proc = subprocess.Popen([sys.executable, "-c", code, self.path], cwd=self.folder, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self.proc.stdout.readline().strip() != "ready":
            self.stop()
            raise RuntimeError("the grading kernel zygote did not start")
        with open(os.path.join(self.folder, "zygote.json"), "w") as f:
            json.dump({"env": self.env, "coursetools": digest(self.COURSETOOLS),
                       "python": os.path.realpath(sys.executable)}, f)

    @classmethod
    def attach(cls, folder, sandbox_env, coursetools):
        """The zygote in `folder` (started by another process, e.g. the one
        that runs this nbgrader command), if it serves kernels of
        `sandbox_env` with the grading kernel of `coursetools`; else None."""
        try:
            with open(os.path.join(folder, "zygote.json")) as f:
                info = json.load(f)
        except (OSError, ValueError):
            return None
        env = _key(sandbox_env)
        if (info.get("env") != env or info.get("python") != os.path.realpath(sys.executable)
                or info.get("coursetools") != digest(coursetools)):
            return None
        handle = cls.__new__(cls)
        handle.env, handle.folder, handle.path, handle.proc = env, folder, os.path.join(folder, "socket"), None
        return handle

    def command(self, kernel_cmd, layout, workdir, sandbox_env, libraries=(), trial=False, private=None):
        """The command jupyter_client starts instead of `kernel_cmd` (python
        -m ipykernel_launcher ARGS): a launcher whose kernel, with the
        environment `sandbox_env`, is forked here after the zygote has
        imported `libraries` (names in LIBRARIES). The folder `private`
        (the kernel's own, one of layout's) is removed once the kernel is
        gone."""
        request = {"argv": list(kernel_cmd[3:]), "layout": [[k, None if s is None else str(s), str(t)]
                                                             for k, s, t in layout],
                   "workdir": str(workdir), "env": dict(_key(sandbox_env), PYTHONPATH=sandbox_env["PYTHONPATH"]),
                   "libraries": list(libraries), "trial": trial, "private": None if private is None else str(private)}
        return [sys.executable, "-I", "-S", "-c", _LAUNCHER, self.path, json.dumps(request)]

    def trial(self, layout, workdir, sandbox_env):
        """None when a child could build `layout` and confine itself in it,
        else why not."""
        try:
            proc = subprocess.run(self.command([sys.executable, "-m", "ipykernel_launcher"], layout, workdir,
                                               sandbox_env, trial=True),
                                  capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return "the zygote's trial sandbox did not finish within 60 s"
        if proc.returncode != 0:
            return f"the zygote cannot build the sandbox here: {proc.stderr.strip()[-300:] or proc.returncode}"
        return None

    def alive(self):
        return self.proc is None or self.proc.poll() is None

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def usable(env=None):
    """Kernels may come from a zygote here: not COURSE_ZYGOTE=off in `env`
    (default: this process's environment), and Linux on a known machine."""
    env = os.environ if env is None else env
    return (env.get("COURSE_ZYGOTE", "on").strip().lower() != "off" and sys.platform == "linux"
            and confine.SYS_PIVOT_ROOT is not None)


def kernel_command(kernel_cmd):
    """True when kernel_cmd is `python -m ipykernel_launcher ...` of this
    very Python, which a zygote of this process can stand in for."""
    if len(kernel_cmd) < 3 or kernel_cmd[1:3] != ["-m", "ipykernel_launcher"]:
        return False
    exe = shutil.which(kernel_cmd[0]) if os.sep not in kernel_cmd[0] else kernel_cmd[0]
    return bool(exe) and os.path.realpath(exe) == os.path.realpath(sys.executable)


_lock = threading.Lock()
_zygotes = {}  # json of the sandbox environment -> Zygote
_broken = {}   # json of the sandbox environment -> why the zygote cannot be used here


def for_environment(sandbox_env, trial):
    """This process's zygote for `sandbox_env` (started on first use), or
    (None, why) when it cannot build the sandbox here. `trial(zygote,
    sandbox_env)` starts one kernel-less confined child and says whether it
    worked."""
    key = json.dumps(_key(sandbox_env), sort_keys=True)
    with _lock:
        if key in _broken:
            return None, _broken[key]
        zygote = _zygotes.get(key)
        if zygote is not None and zygote.alive():
            return zygote, None
        if zygote is not None:  # killed: it could not remove its folder
            zygote.stop()
        try:
            zygote = Zygote(sandbox_env)
        except Exception as err:
            _broken[key] = f"the zygote did not start: {err}"
            return None, _broken[key]
        why = trial(zygote, sandbox_env)
        if why:
            zygote.stop()
            _broken[key] = why
            return None, why
        _zygotes[key] = zygote
        return zygote, None


def stop_all():
    with _lock:
        for zygote in _zygotes.values():
            zygote.stop()
        _zygotes.clear()


atexit.register(stop_all)
try:  # a Dask worker process ends with os._exit, after multiprocessing's finalizers
    import multiprocessing.util
    multiprocessing.util.Finalize(None, stop_all, exitpriority=0)
except ImportError:
    pass
