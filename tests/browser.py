"""What the browser tests share: JupyterLab of the course's environment on
loopback, and Debian's Chromium driven by Playwright (no browser download).

A test module that imports this is skipped, with the reason, when Chromium
or Playwright is missing; under CI (.ci/run installs Chromium) a missing
Chromium fails it instead.
"""
import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None and os.environ.get("CI"):
    raise RuntimeError("Chromium is missing: .ci/run should have installed it (apt-get install chromium)")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def screenshots(tmp_path_factory):
    """$COURSE_SCREENSHOTS, else a pytest temporary folder."""
    shots = Path(os.environ.get("COURSE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def lab_env(course):
    """The environment JupyterLab runs in: the course's Python first on PATH,
    a Jupyter config folder of its own inside the course (a newcomer's
    settings, none of the machine's user's), the course's own gradebook."""
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               JUPYTER_CONFIG_DIR=str(Path(course) / ".jupyter"), OMP_NUM_THREADS="1")
    env.pop("COURSE_DB_URL", None)
    return env


@contextlib.contextmanager
def jupyterlab(course):
    """JupyterLab serving `course` (started in it, as README says); yields
    (base url, token). Its log is `course`/lab.log."""
    course = Path(course)
    port, token = _free_port(), secrets.token_hex(16)
    log = open(course / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         f"--port={port}", f"--ServerApp.token={token}", f"--ServerApp.root_dir={course}"],
        cwd=course, env=lab_env(course), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            assert proc.poll() is None, f"JupyterLab exited: see {course / 'lab.log'}"
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 2 minutes")
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, with nothing that reaches the network by itself."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def browser():
    """Chromium for the browser tests of one module (import it with the module's helpers)."""
    with chromium() as b:
        yield b
