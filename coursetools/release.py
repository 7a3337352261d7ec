"""Regenerate release/ from source/ with nbgrader generate_assignment.

    python -m coursetools.release [ASSIGNMENT ...]   (default: every assignment)
    (or: make release [A=01_baseline])

Generation runs in a throw-away copy of the course, so the instructor's own
gradebook (gradebook.db, or the database COURSE_DB_URL names) is not
touched; the generated release/ then replaces the committed one. Learners work in release/ (README, For learners): a file
there that is neither the committed release, nor what generation makes now,
nor what the last generation here wrote (their answers, JupyterLab's
checkpoints, notes) is their work, and regenerating stops rather than
delete it (unsaved_work; `make demo`, which regenerates release/ too, stops
the same way).
"""
import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

from . import ROOT, assignments, grading


def generate_release(dst_root, root=ROOT, only=None):
    """Generate every assignment of `root` (or those in `only`) into a fresh
    course copy `dst_root`."""
    course = grading.copy_course(dst_root, root)
    for assignment in only or assignments(root):
        grading.generate(course, assignment, env=grading.own_gradebook(course))
    return Path(course) / "release"


def _committed(root, rel):
    """The bytes of `rel` at git's HEAD in `root` (None: not committed, or no git)."""
    # ./ : relative to `root`, which may be a folder inside a larger repository
    proc = subprocess.run(["git", "show", f"HEAD:./{rel}"], cwd=root, capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def _not_as_committed(root, ids, whole=False):
    """Files under release/<assignment>/ (under all of release/ when
    `whole`) that git sees differ from HEAD or does not track (ignored ones
    too: JupyterLab's .ipynb_checkpoints/), relative to `root`; every file
    there when `root` is not in a git checkout."""
    folders = ["release"] if whole else [f"release/{a}" for a in ids]
    folders = [f for f in folders if (Path(root) / f).is_dir()]
    if not folders:
        return []
    proc = subprocess.run(["git", "status", "--porcelain", "-z", "--ignored", "--untracked-files=all", "--", *folders],
                          cwd=root, capture_output=True, text=True)
    if proc.returncode == 0:
        prefix = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0 or prefix.returncode != 0:  # not a git checkout
        return sorted(str(p.relative_to(root)) for f in folders for p in (Path(root) / f).rglob("*") if p.is_file())
    # git names the files from the top of the repository, which `root` may be inside
    paths = [entry[3:].removeprefix(prefix.stdout.strip()) for entry in proc.stdout.split("\0") if entry[3:]]
    return sorted(path for path in paths if (Path(root) / path).is_file())


def _record_path(root):
    """Where the digests of the last release generated in `root` are kept:
    inside git's own folder, out of the course's tree (None: no git)."""
    proc = subprocess.run(["git", "rev-parse", "--git-path", "course-release-generated.json"],
                          cwd=root, capture_output=True, text=True)
    return Path(root) / proc.stdout.strip() if proc.returncode == 0 else None


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def _last_generated(root):
    """release/... path -> sha256 of what the last generation here wrote."""
    path = _record_path(root)
    try:
        return json.loads(path.read_text()) if path else {}
    except (OSError, ValueError):
        return {}


def remember_generated(ids, root=ROOT):
    """Note what generation has just written into release/<assignment>/ (for
    each of `ids`): regenerating after another edit of source/ is then not
    taken for deleting a learner's work (unsaved_work)."""
    path = _record_path(root)
    if path is None:
        return
    record = {rel: digest for rel, digest in _last_generated(root).items()
              if Path(rel).parts[1] not in ids}
    for assignment in ids:
        for file in sorted((Path(root) / "release" / assignment).rglob("*")):
            if file.is_file():
                record[str(file.relative_to(root))] = _digest(file.read_bytes())
    path.write_text(json.dumps(record, indent=1, sort_keys=True))


def unsaved_work(ids, root=ROOT, generated=None, whole=False):
    """The files under release/<assignment>/ (for each of `ids`; under all
    of release/ when `whole`, which regenerating every assignment replaces)
    that regenerating the release would delete and that are neither the
    committed release, nor what generation makes now, nor what the last
    generation here wrote (remember_generated): a learner's answers,
    checkpoints, notes. `generated`: a release/ folder generated now
    (default: generated here when git sees any change, in a throw-away
    course). [] in the usual case, release/ as committed (git alone)."""
    changed = _not_as_committed(root, ids, whole)
    if not changed:
        return []
    last = _last_generated(root)
    with tempfile.TemporaryDirectory(prefix="course-release-") if generated is None else nullcontext() as tmp:
        if generated is None:
            generated = generate_release(Path(tmp) / "course", root, only=ids)
        work = []
        for rel in changed:
            now = (Path(root) / rel).read_bytes()
            fresh = Path(generated) / Path(rel).relative_to("release")
            if (now != _committed(root, rel) and last.get(rel) != _digest(now)
                    and not (fresh.is_file() and fresh.read_bytes() == now)):
                work.append(rel)
        return work


def refusal(command, work):
    """What a command that would delete the learner's work in release/ says instead."""
    shown = ", ".join(work[:8]) + (f" and {len(work) - 8} more" if len(work) > 8 else "")
    return (f"{command} regenerates release/, which holds work of your own that it would delete: {shown}. "
            "Nothing was changed. Copy your notebooks out of release/ (for example `cp -r release/01_baseline "
            "~/my-work/`; grade them there with `make selfgrade A=01_baseline FROM=~/my-work/01_baseline`), "
            "then put the release back with `git checkout -- release/` (and remove what git does not know, "
            "e.g. `rm -rf release/*/.ipynb_checkpoints`) and run it again.")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="assignment ids (default: every assignment)")
    chosen = parser.parse_args(argv).assignments
    unknown = sorted(set(chosen) - set(assignments()))
    if unknown:
        print(f"unknown assignment(s): {', '.join(unknown)}; the course has {', '.join(assignments())}")
        return 2
    ids = chosen or assignments()
    with tempfile.TemporaryDirectory(prefix="course-release-") as tmp:
        generated = generate_release(Path(tmp) / "course", only=ids)
        work = unsaved_work(ids, generated=generated, whole=not chosen)
        if work:
            print(refusal("make release", work))
            return 1
        if not chosen and (ROOT / "release").exists():
            shutil.rmtree(ROOT / "release")
        for assignment in ids:
            shutil.rmtree(ROOT / "release" / assignment, ignore_errors=True)
            shutil.copytree(generated / assignment, ROOT / "release" / assignment)
        remember_generated(ids)
    for assignment in ids:
        names = sorted(p.name for p in (ROOT / "release" / assignment).iterdir())
        print(f"release/{assignment}: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
