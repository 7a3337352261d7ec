"""A throw-away PostgreSQL server on loopback for the gradebook tests.

Uses the server binaries of Debian's postgresql package (.ci/run installs
it): initdb into a temporary folder, postgres listening on 127.0.0.1 on a
free port, trust authentication for local connections only. As root, the
server runs as the package's `postgres` user (PostgreSQL refuses to run as
root).
"""
import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path


def binaries():
    """The folder of initdb/pg_ctl, newest PostgreSQL first; None if absent."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, folder):
        self.bin = binaries()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found: "
                                    "install Debian's postgresql package (.ci/run does)")
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args):
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
            os.chmod(self.folder, 0o755)
            # runuser needs to reach the folder: open the temp path's parents for traversal
            for parent in self.folder.parents:
                if parent == Path("/") or os.stat(parent).st_mode & 0o001:
                    continue
                os.chmod(parent, os.stat(parent).st_mode | 0o001)
        self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.folder / "server.log",
                  "-w", "-t", "60", "start")
        return self

    def create_database(self, name):
        self._run(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name)
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self):
        try:
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        except RuntimeError:
            pass


def wait_ready(url, seconds=30):
    import sqlalchemy
    deadline = time.time() + seconds
    while True:
        try:
            with sqlalchemy.create_engine(url).connect():
                return
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.5)
