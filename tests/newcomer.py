"""The course as a newcomer gets it: a fresh `git clone` and the README's
`make` commands.

clone() copies the working tree as it would be committed (tracked files
with their uncommitted changes, new files that git does not ignore) into a
fresh clone, commits it there, and points its `.venv` at the environment
running the tests, so `make` finds it installed instead of reinstalling it
(the one step a newcomer's first command does that the tests skip; .ci/run
does it on every run, from an empty clone).
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)


def _git(args, cwd, **kw):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, **kw)


def clone(dst):
    """A fresh clone of the working tree at `dst` (see the module doc)."""
    dst = Path(dst)
    _git(["clone", "--quiet", "--no-hardlinks", str(ROOT), str(dst)], cwd=ROOT.parent)
    changed = _git(["ls-files", "-z", "--modified", "--others", "--exclude-standard"], cwd=ROOT).stdout
    for rel in filter(None, changed.split("\0")):
        src, target = ROOT / rel, dst / rel
        if src.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
        elif target.exists():  # deleted in the working tree
            target.unlink()
    ident = ["-c", "user.name=newcomer", "-c", "user.email=newcomer@example.invalid"]
    _git([*ident, "add", "-A"], cwd=dst)
    _git([*ident, "commit", "--quiet", "--allow-empty", "-m", "working tree"], cwd=dst)
    (dst / ".venv").symlink_to(VENV, target_is_directory=True)
    # make reinstalls when requirements.txt is newer than the install stamp
    stamp = VENV / ".installed"
    if stamp.exists():
        when = stamp.stat().st_mtime - 1
        os.utime(dst / "requirements.txt", (when, when))
    return dst


def make(course, *args, timeout=1800, env=None):
    """Run `make ARGS` in `course` as a newcomer would (with the variables
    `env` set in their shell); CompletedProcess with stdout and stderr
    together in .stdout."""
    env = {**{k: v for k, v in os.environ.items() if k not in ("COURSE_DB_URL", "VIRTUAL_ENV", "PYTHONPATH")},
           **(env or {})}
    return subprocess.run(["make", *args], cwd=course, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=timeout)


def git_status(course):
    """`git status --porcelain` of the clone, without what .gitignore hides."""
    return _git(["status", "--porcelain"], cwd=course).stdout
