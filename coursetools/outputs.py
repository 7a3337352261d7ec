"""Output folders that a command deletes and writes again whole (`--out` of
selfgrade, solutions and site): it may replace its own default folder, a
folder that does not exist or is empty, or one it wrote before (marked);
any other folder is refused untouched, since it holds files the command did
not write (a learner's notebooks, say)."""
from pathlib import Path

MARK = ".written-by-coursetools"


def refusal(out, default, command):
    """None when `command` may delete and rewrite `out` (see the module
    doc; `default` is its own folder), else the message saying why not."""
    out = Path(out)
    if out.is_symlink():  # deleting it whole would fail after the build (rmtree of a link), or follow it
        return f"{command}: {out} is a symbolic link; give --out a real folder. Nothing was changed."
    if not out.exists() or out.resolve() == Path(default).resolve():
        return None
    if not out.is_dir():
        return f"{command}: {out} is a file; give --out a folder (it is replaced whole). Nothing was changed."
    entries = sorted(p.name for p in out.iterdir())
    if not entries or _marked_by(out) == command:
        return None
    shown = ", ".join(entries[:5]) + (f" and {len(entries) - 5} more" if len(entries) > 5 else "")
    return (f"{command}: {out} holds files it did not write ({shown}), and --out is deleted and written "
            "again whole: give a new or empty folder. Nothing was changed.")


def _marked_by(out):
    """The command whose mark `out` holds, or None."""
    try:
        return (Path(out) / MARK).read_text().split()[2].rstrip(",")
    except (OSError, IndexError):
        return None


def mark(out, default, command):
    """Mark `out` as written by `command`, which may then replace it again
    (its own folder `default` needs no mark: none is added to the pages
    it holds)."""
    out = Path(out)
    if out.is_dir() and out.resolve() != Path(default).resolve():
        (out / MARK).write_text(f"written by {command}, which deletes and writes this folder again whole\n")
