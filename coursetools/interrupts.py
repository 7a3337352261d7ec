"""A command stopped from outside, answered alike whatever stopped it.

Ctrl-C (SIGINT), SIGTERM (`kill`, `timeout`, a batch system's time limit,
JupyterHub stopping a server) and SIGHUP (the terminal closed: a JupyterLab
terminal tab, an ssh session) stop `make grade`, `make demo` and `make
selfgrade` the same way. In the command's main thread each raises a
KeyboardInterrupt (Stopped, for the two that Python does not turn into one
itself), so every clean-up written for Ctrl-C runs: temporary folders
removed, the recordings not yet started dropped, helpers closed. The command
then says what it left in one message and exits with the shell's status
for that signal (128 + its number: 130, 143, 129).

The helper processes (the nbgrader fork server, the kernel zygote; a local
Dask cluster's workers are threads of the command) ignore all three
(STOPS): a terminal's signal reaches the whole process group, and they end
when the command closes them.
"""
import signal
import sys

STOPS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the main thread was."""

    def __init__(self, signum):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, _frame):
    raise Stopped(signum)


def install():
    """SIGTERM and SIGHUP raise Stopped in this (main) thread from now on;
    a signal that is ignored (e.g. SIGHUP under `nohup`) stays ignored."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _stop)


def signum(err):
    """The signal behind a KeyboardInterrupt: SIGINT unless it is a Stopped."""
    return getattr(err, "signum", signal.SIGINT)


def cause(err):
    """How the learner or instructor stopped the command, in their words."""
    number = signum(err)
    return "Ctrl-C" if number == signal.SIGINT else signal.Signals(number).name


def status(err):
    """The exit status a shell gives a command that this signal stopped."""
    return 128 + signum(err)


def say(message):
    """The command's last words, to stderr; after SIGHUP its terminal may be
    gone, and a failed write must not replace them with a traceback."""
    try:
        print(message, file=sys.stderr, flush=True)
    except OSError:
        pass


def main(run, answer):
    """sys.exit(run()) with the stops installed; a stop exits with
    status(err) after `answer(err)` has said what it left."""
    install()
    try:
        sys.exit(run())
    except KeyboardInterrupt as err:
        answer(err)
        sys.exit(status(err))
