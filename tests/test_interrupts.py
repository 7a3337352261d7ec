"""How a command answers a stop (coursetools/interrupts.py): the signal's
name in its message, the shell's exit status, SIGHUP left ignored under
nohup, and no traceback when the terminal is gone. The commands themselves
are stopped for real in tests/test_faults.py (make grade: Ctrl-C, SIGTERM,
a hang-up) and tests/test_selfstudy.py (make selfgrade: Ctrl-C)."""
import os
import signal
import subprocess
import sys

from coursetools import ROOT, interrupts


def _run(code, **kwargs):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          **kwargs)


def test_each_stop_has_its_name_and_the_shells_exit_status():
    assert (interrupts.cause(KeyboardInterrupt()), interrupts.status(KeyboardInterrupt())) == ("Ctrl-C", 130)
    assert (interrupts.cause(interrupts.Stopped(signal.SIGTERM)),
            interrupts.status(interrupts.Stopped(signal.SIGTERM))) == ("SIGTERM", 143)
    assert (interrupts.cause(interrupts.Stopped(signal.SIGHUP)),
            interrupts.status(interrupts.Stopped(signal.SIGHUP))) == ("SIGHUP", 129)
    assert issubclass(interrupts.Stopped, KeyboardInterrupt), "every clean-up written for Ctrl-C must run"


def test_a_stopped_command_says_so_and_exits_with_its_status():
    """SIGTERM while the command runs: its answer, then 128 + 15; SIGHUP
    ignored when the command starts (nohup) stays ignored."""
    code = ("import os, signal, time; from coursetools import interrupts\n"
            "def run():\n"
            "    os.kill(os.getpid(), signal.SIGHUP)  # ignored: nohup\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(30)\n"
            "    return 0\n"
            "interrupts.main(run, lambda err: interrupts.say(f'stopped by {interrupts.cause(err)}'))\n")
    proc = _run(code, preexec_fn=lambda: (signal.signal(signal.SIGTERM, signal.SIG_DFL),
                                          signal.signal(signal.SIGHUP, signal.SIG_IGN)))
    assert (proc.returncode, proc.stderr) == (143, "stopped by SIGTERM\n")
    finished = _run("import sys; from coursetools import interrupts; interrupts.main(lambda: 3, print)")
    assert finished.returncode == 3 and finished.stderr == "", "a command that is not stopped exits as it returns"


def test_last_words_to_a_terminal_that_is_gone_raise_nothing():
    """After SIGHUP the terminal may be gone: writing to it fails (EIO), and
    that must not end the command with a traceback instead."""
    read, write = os.pipe()
    os.close(read)  # a write to this pipe fails, as one to a closed terminal
    code = "from coursetools import interrupts; interrupts.say('gone'); print('said nothing', flush=True)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=write, text=True,
                          timeout=60)
    os.close(write)
    assert (proc.returncode, proc.stdout) == (0, "said nothing\n")
