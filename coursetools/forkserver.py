"""nbgrader commands without nbgrader's start-up.

`python -m nbgrader ...` spends about 1.5 s of CPU importing nbgrader
(jupyter_server, nbconvert, SQLAlchemy) before it does anything, and grading
runs one such command per submission. Here a fork server (the zygote
pattern) imports nbgrader once; each command then runs in a fresh child
forked from it: in the course folder, with exactly the environment, argv and
sys.path that `python -m nbgrader` would have there, its own stdout and
stderr, and it exits when the command ends. Every command still gets a
process of its own, and the kernels it starts are new processes exactly as
before (the sandbox and the grading kernel are unchanged).

The server is a plain `python -c` process (it imports nothing of the
course), one per process that runs nbgrader commands (make grade, the demo,
the tests), started on first use and gone when that process ends. A local
Dask cluster's workers are threads of the grading process
(parallel.cluster), so their commands go to its server too: nbgrader is
imported once, not once per worker. COURSE_FORKSERVER=off runs each
command as a subprocess instead.
"""
import atexit
import json
import multiprocessing.util
import os
import signal
import socket
import subprocess
import sys
import shutil
import tempfile
import threading

# The server: import nbgrader, then fork one child per request. The child
# tells its pid, becomes `python -m nbgrader ARGS` run in the request's
# folder, and tells its exit status. The server kills the children still
# running when asked to (kill_commands), and ends, killing them too, when its
# stdin (a pipe from the process that started it) closes.
_SERVER = r'''
import gc, json, os, select, shutil, signal, socket, sys
# Ctrl-C, SIGTERM or SIGHUP (the terminal closed) may reach the whole process
# group: the commands stop at once (each sets them back to their defaults, or
# ignored as the server found them, e.g. SIGHUP under nohup), the server ends
# when the process that started it closes its stdin (no traceback of its own;
# coursetools/interrupts.py).
_STOPS = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
import nbgrader.apps.nbgraderapp
import nbgrader.api
# A new gradebook records the head revision of nbgrader's migrations, which
# nbgrader.api.get_alembic_version asks of a new `alembic heads` process
# (about 1 s of CPU, for every new gradebook). The answer depends only on the
# installed nbgrader: the server reads it once, in this process, with the
# same alembic. If that fails, nbgrader asks as usual.
try:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    import nbgrader.dbutil
    config = Config()
    config.set_main_option("script_location", nbgrader.dbutil.ALEMBIC_DIR)
    head = ScriptDirectory.from_config(config).get_current_head()
    if head:
        nbgrader.api.get_alembic_version = lambda: head
except Exception:
    pass
# nbgrader checks each graded cell's metadata with jsonschema.validate, which
# first checks nbgrader's schema itself against JSON Schema's metaschema, at
# every call: a third of what recording a notebook's grades costs. Here each
# schema is checked once, when first seen, and its validator kept; what is
# validated, and the error raised, are jsonschema.validate's.
import jsonschema, jsonschema.exceptions, jsonschema.validators
def _checked_once(validate):
    ready = {}
    def checked_once(instance, schema, cls=None, *args, **kwargs):
        if cls is not None or args or kwargs or not isinstance(schema, dict):
            return validate(instance, schema, cls, *args, **kwargs)
        key = json.dumps(schema, sort_keys=True)
        if key not in ready:
            kind = jsonschema.validators.validator_for(schema)
            kind.check_schema(schema)
            ready[key] = kind(schema)
        error = jsonschema.exceptions.best_match(ready[key].iter_errors(instance))
        if error is not None:
            raise error
    return checked_once
jsonschema.validate = _checked_once(jsonschema.validate)
# nbgrader opens a new Gradebook, and with it a new SQLAlchemy engine, at
# each step of a notebook (seven per notebook an autograde command grades):
# each engine initialises its dialect on first connect and compiles every
# statement again into a cache of its own. A command's Gradebooks of one
# database share one engine instead, as SQLAlchemy advises (one engine per
# database per process); they run the same statements in the same
# sessions. Gradebook.close() still disposes of it: that closes the pooled
# connections, and the next Gradebook connects again. The server itself
# makes none, so no connection crosses a fork.
_engines = {}
def _one_engine_per_database(url, **kwargs):
    key = (str(url), repr(sorted(kwargs.items())))
    if key not in _engines:
        _engines[key] = _create_engine(url, **kwargs)
    return _engines[key]
_create_engine, nbgrader.api.create_engine = nbgrader.api.create_engine, _one_engine_per_database
# What every autograde command otherwise builds or imports for itself, once
# here: nbformat's compiled notebook validators (the strict one, and the
# relaxed one nbconvert checks the notebook with after every preprocessor),
# and the modules that starting a kernel and the gradebook import after
# nbgrader's own (IPython, ipykernel's kernel spec, sqlite3 and SQLAlchemy's
# SQLite dialect). Together about 0.1 s of CPU per command. The course's own
# coursetools/ is still imported by each command, from its course folder.
import nbformat, nbformat.validator
for relax in (False, True):
    nbformat.validator.get_validator(nbformat.current_nbformat, nbformat.current_nbformat_minor,
                                     relax_add_props=relax)
# (IPython and the kernel spec import codeop, ipykernel.connect)
for name in ("sqlite3", "sqlalchemy.dialects.sqlite", "IPython", "ipykernel.kernelspec"):
    try:
        __import__(name)
    except Exception:  # imported by the command as usual
        pass
# SQLAlchemy configures nbgrader's ORM mappers (relationships, join
# conditions, attribute instrumentation) at a process's first query, the same
# work in every command (about 0.013 s of CPU each, measured over 240 record
# commands). Done here once; it reads no database.
try:
    import sqlalchemy.orm
    sqlalchemy.orm.configure_mappers()
except Exception:  # configured by the command's first query as usual
    pass
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(sys.argv[1])
listener.listen(64)
try:
    print("ready", flush=True)
except BrokenPipeError:  # its starter is gone already (killed as it started the server): no traceback
    shutil.rmtree(os.path.dirname(os.path.abspath(sys.argv[1])), ignore_errors=True)
    os._exit(0)
children = set()
while True:
    ready, _, _ = select.select([listener, sys.stdin], [], [], 0.5)
    for pid in list(children):  # reaped here, so their CPU time is counted as this server's
        if os.waitpid(pid, os.WNOHANG)[0]:
            children.discard(pid)
    if sys.stdin in ready:
        # "k": the process that started the server was stopped (kill_commands);
        # nothing (end of file): it is gone, stopped or killed. Either way the
        # commands running have nobody to answer, and what they would still
        # start (kernels, a zygote of their own) would outlive it.
        ended = not os.read(sys.stdin.fileno(), 1)
        for pid in children:
            os.kill(pid, signal.SIGKILL)
        if ended:
            for pid in children:
                os.waitpid(pid, 0)
            break
    if listener not in ready:
        continue
    conn, _ = listener.accept()
    gc.freeze()  # the command's garbage collections skip what the server imported (zygote.py)
    child = os.fork()
    if child:
        children.add(child)
        conn.close()
        continue
    code = 1
    try:
        listener.close()
        for sig, found in [*_STOPS.items(), (signal.SIGPIPE, signal.SIG_DFL)]:
            signal.signal(sig, signal.SIG_IGN if found is signal.SIG_IGN else signal.SIG_DFL)
        request = json.loads(conn.makefile("r").readline())
        conn.sendall(f"{os.getpid()}\n".encode())
        os.nice(request.get("nice", 0))
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, path in ((0, os.devnull), (1, request["stdout"]), (2, request["stderr"])):
            target = os.open(path, os.O_RDONLY if fd == 0 else os.O_WRONLY | os.O_TRUNC)
            os.dup2(target, fd)
            os.close(target)
        sys.stdin = open(0, "r", closefd=False)
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.argv = [os.path.join(os.path.dirname(sys.executable), "nbgrader"), *request["args"]]
        # as `python -m` run in that folder: the folder, then PYTHONPATH
        sys.path[0:1] = [request["cwd"]] + [p for p in request["env"].get("PYTHONPATH", "").split(os.pathsep) if p]
        try:
            nbgrader.apps.nbgraderapp.main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
            if not isinstance(done.code, (int, type(None))):
                print(done.code, file=sys.stderr)
        except BaseException:
            import traceback
            traceback.print_exc()
        sys.stdout.flush()
        sys.stderr.flush()
        conn.sendall(f"{code}\n".encode())
    finally:
        os._exit(code)
# Its folder goes with it, whoever started it: stdin closes when that process
# ends, even killed (which leaves it no chance to remove the folder itself).
shutil.rmtree(os.path.dirname(os.path.abspath(sys.argv[1])), ignore_errors=True)
'''

_lock = threading.Lock()
_server = None


def usable():
    return os.environ.get("COURSE_FORKSERVER", "on").strip().lower() != "off"


def _start():
    """(server process, socket path), started on first use."""
    global _server
    with _lock:
        if _server is None or _server[0].poll() is not None:
            if _server is not None:  # killed: it could not remove its folder
                shutil.rmtree(os.path.dirname(_server[1]), ignore_errors=True)
            folder = tempfile.mkdtemp(prefix="course-forkserver-")
            path = os.path.join(folder, "socket")
            env = dict(os.environ, PYTHONHASHSEED="0")
            env.pop("PYTHONPATH", None)
            proc = subprocess.Popen([sys.executable, "-c", _SERVER, path], cwd=folder, env=env,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            if proc.stdout.readline().strip() != "ready":
                proc.kill()
                raise RuntimeError("the nbgrader fork server did not start")
            _server = (proc, path)
        return _server


def socket_path():
    """The socket of this process's server (started now if need be)."""
    return _start()[1]


def stop():
    """End the server, and reap it: its CPU time and its children's then
    count in this process's (os.times, time(1)). A command it still runs is
    killed: nobody is left to read its result (a stopped run's orphans)."""
    global _server
    with _lock:
        if _server is not None:
            proc, path = _server
            _server = None
            proc.stdin.close()
            proc.wait()
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def kill_commands():
    """Kill the commands this process's server is running, the server staying
    up: a stop that reached this process alone (SIGTERM; Ctrl-C and a
    hang-up reach the whole process group, the commands too) leaves the
    local Dask workers, threads of this process, waiting for them while the
    commands would run on, and closing the cluster waits for its workers'
    tasks."""
    with _lock:
        if _server is not None and _server[0].poll() is None:
            try:
                _server[0].stdin.write("k")
                _server[0].stdin.flush()
            except OSError:  # it ended meanwhile
                pass


# At the end of this process: atexit for a program, multiprocessing's
# finalizers for a Dask worker process (it ends with os._exit, skipping atexit).
atexit.register(stop)
multiprocessing.util.Finalize(None, stop, exitpriority=0)


def run(args, cwd, env, timeout=None, nice=0):
    """`python -m nbgrader ARGS` in `cwd` with exactly `env` (and its CPU
    priority lowered by `nice`): a subprocess.CompletedProcess with text
    stdout and stderr (raises subprocess.TimeoutExpired after `timeout`
    seconds, as subprocess.run)."""
    argv = [sys.executable, "-m", "nbgrader", *args]
    if not usable():
        lowered = ["nice", "-n", str(nice)] if nice and shutil.which("nice") else []  # (no preexec_fn: threads)
        return subprocess.run(lowered + argv, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
    return _run(argv, cwd, env, timeout, nice, _start()[1])


def _run(argv, cwd, env, timeout, nice, path):
    """run() through the server listening at `path`."""
    args = argv[3:]
    with tempfile.TemporaryDirectory(prefix="course-nbgrader-") as tmp:
        out_path, err_path = os.path.join(tmp, "stdout"), os.path.join(tmp, "stderr")
        for name in (out_path, err_path):
            open(name, "w").close()
        request = {"args": [str(a) for a in args], "cwd": os.path.abspath(cwd), "env": dict(env),
                   "stdout": out_path, "stderr": err_path, "nice": nice}
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(path)
            conn.sendall((json.dumps(request) + "\n").encode())
            replies = conn.makefile("r")
            pid = int(replies.readline())
            conn.settimeout(timeout)
            try:
                line = replies.readline()
            except (socket.timeout, TimeoutError):
                os.kill(pid, signal.SIGKILL)  # as subprocess.run: the command, not what it started
                raise subprocess.TimeoutExpired(argv, timeout)
        # no exit status: the child was killed
        code = int(line) if line.strip() else -signal.SIGKILL

        def read(name):
            with open(name, encoding="utf-8", errors="replace") as f:
                return f.read()
        return subprocess.CompletedProcess(argv, code, read(out_path), read(err_path))
