"""The instructor's workflow through nbgrader's exchange, as on a JupyterHub
(README, "On a JupyterHub: release, collect and feedback through nbgrader's
exchange").

In a fresh clone of the course (tests/newcomer.py), the instructor releases
one assignment into an exchange folder. Two learners, separate Unix users
with their own homes, fetch it, answer and submit: Ada submits twice (the
untouched notebook, then the reference solution; the second must be
graded), Bo submits a wrong answer after the due date. Cy's hand-in
comes from an LMS's zip download, collected with `nbgrader zip_collect`
and README's `named_regexp` (no exchange secret). The instructor collects,
runs `make grade` and `make feedback` (generate_feedback, then
release_feedback without Cy, who is named); Ada and Bo fetch their
feedback.

Learners are real users when the tests run as root (as in CI: `useradd`,
commands through `runuser`); otherwise they are separate HOME folders of
the one user, with the student id given on the command line. The exchange
and the learners' homes live in a world-readable temporary folder; the
shared configuration in it stands in for a hub's /etc/jupyter.
"""
import ast
import datetime
import os
import pwd
import secrets
import shlex
import shutil
import stat
import subprocess
import sys
import re
import tempfile
import zipfile
from pathlib import Path

import nbformat
import pytest

import newcomer
from conftest import visible_text
from coursetools import grading, notebooks as nbs, submissions

# the quickest of the one-notebook assignments to grade (README, "Speed")
ASSIGNMENT, STEM = "02_metrics", "metrics"
NOTEBOOK = f"{STEM}.ipynb"
COURSE_ID = "ml-interview"
# the learners' commands run the tests' Python: a hub's course environment
PYTHON_TREES = sorted({os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)})


def _private_folder(path):
    """The first folder on the way to `path` that other users cannot enter
    (e.g. /root, when Python comes from pyenv there), or None."""
    for folder in reversed(Path(path).parents):
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return folder
    return None


def _reaching_python(argv, stage):
    """argv, run where a learner can reach the course's Python: when it
    lives under a private folder, in a mount namespace of its own that
    covers that folder with an empty one holding only the Python trees.
    Nothing else of the private folder is shown, and nothing outside the
    namespace changes."""
    hidden = {p: _private_folder(p) for p in PYTHON_TREES}
    hidden = {p: f for p, f in hidden.items() if f is not None}
    if not hidden:
        return argv
    q = shlex.quote
    script = ["set -e"]
    for i, tree in enumerate(hidden):
        script.append(f"mkdir -p {q(f'{stage}/{i}')} && mount --bind {q(tree)} {q(f'{stage}/{i}')}")
    for folder in sorted(set(hidden.values())):
        script.append(f"mount -t tmpfs -o mode=755 tmpfs {q(str(folder))}")
    for i, tree in enumerate(hidden):
        script.append(f"mkdir -p {q(tree)} && mount --move {q(f'{stage}/{i}')} {q(tree)}")
    script.append('exec "$@"')
    return ["unshare", "--mount", "--propagation", "private", "sh", "-c", "\n".join(script), "sh", *argv]


def _learners_are_users():
    """Root with useradd and runuser, and able to show learners the
    course's Python (directly, or through _reaching_python's mounts)."""
    if os.geteuid() != 0 or not (shutil.which("useradd") and shutil.which("runuser")):
        return False
    private = sorted({str(f) for f in map(_private_folder, PYTHON_TREES) if f is not None})
    if not private:
        return True
    probe = f"mount -t tmpfs tmpfs {shlex.quote(private[0])}"
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", probe], capture_output=True).returncode == 0


REAL_USERS = _learners_are_users()


class Hub:
    """The shared side of a hub: the exchange, the site configuration every
    user reads, and the learners' homes."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.chmod(0o755)
        self.exchange = self.folder / "exchange"
        self.exchange.mkdir()
        # nbgrader's exchange: writable by everyone, sticky (README)
        self.exchange.chmod(0o1777)
        self.site_config = self.folder / "etc" / "jupyter"
        self.site_config.mkdir(parents=True)
        (self.site_config / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"c.Exchange.root = {str(self.exchange)!r}\n"
            f"c.CourseDirectory.course_id = {COURSE_ID!r}\n")
        (self.folder / "home").mkdir()
        self.stage = self.folder / "mounts"
        self.users = []

    def learner(self, name):
        home = self.folder / "home" / name
        if REAL_USERS:
            subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--user-group",
                            "--shell", "/bin/sh", name], check=True, capture_output=True)
            self.users.append(name)
        else:
            home.mkdir()
        return Learner(self, name, home)

    def close(self):
        for name in self.users:
            subprocess.run(["userdel", "--remove", name], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class Learner:
    def __init__(self, hub, name, home):
        self.hub, self.name, self.home = hub, name, home

    def nbgrader(self, *args):
        """One nbgrader command of the learner's, in their home, with their
        environment only; returns its output, fails the test on an error."""
        env = [f"HOME={self.home}", f"USER={self.name}", f"LOGNAME={self.name}", "LANG=C.UTF-8",
               f"PATH={Path(sys.executable).parent}:/usr/bin:/bin",
               f"JUPYTER_CONFIG_PATH={self.hub.site_config}"]
        argv = ["env", "-i", *env, sys.executable, "-m", "nbgrader", *args]
        if REAL_USERS:
            argv = _reaching_python(["runuser", "-u", self.name, "--", *argv], self.hub.stage)
        else:  # one Unix user for everyone: the student id says who submits
            argv.append(f"--CourseDirectory.student_id={self.name}")
        proc = subprocess.run(argv, cwd=self.home, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, f"{self.name}: nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
        return proc.stdout + proc.stderr

    def answer(self, nb):
        """Save `nb` over the fetched notebook, as the learner's own file."""
        path = self.home / ASSIGNMENT / NOTEBOOK
        nbformat.write(nb, str(path))
        if REAL_USERS:
            user = pwd.getpwnam(self.name)
            os.chown(path, user.pw_uid, user.pw_gid)


def _submissions(hub, learner):
    """Timestamps of a learner's submissions in the exchange, oldest first."""
    from nbgrader.utils import parse_utc
    inbound = hub.exchange / COURSE_ID / "inbound"
    return sorted(parse_utc(p.name.split("+")[2]) for p in inbound.glob(f"{learner.name}+{ASSIGNMENT}+*"))


@pytest.fixture(scope="module")
def hub_run(tmp_path_factory):
    """The whole workflow, once; what the tests read afterwards."""
    hub = Hub(tempfile.mkdtemp(prefix="course-hub-"))
    tag = secrets.token_hex(3)
    try:
        course = newcomer.clone(tmp_path_factory.mktemp("exchange") / "course")
        # nbgrader's default policy records lateness without a penalty; this
        # instructor scores late notebooks zero, in their own
        # ~/.jupyter/nbgrader_config.py (the course's sets no policy)
        # and names the LMS's files for zip_collect as README does
        own_config = tmp_path_factory.mktemp("instructor-jupyter")
        (own_config / "nbgrader_config.py").write_text(
            f"c = get_config()\nc.LateSubmissionPlugin.penalty_method = 'zero'\n{_readme_named_regexp()}\n")
        source_nb = nbs.read(course / "source" / ASSIGNMENT / NOTEBOOK)
        wrong = next(p for p in submissions.variant_files(ASSIGNMENT, STEM, root=course)
                     if p.name.startswith("wrong__"))
        with pytest.MonkeyPatch.context() as mp:  # the instructor's environment
            mp.setenv("JUPYTER_CONFIG_PATH", str(hub.site_config))
            mp.setenv("JUPYTER_CONFIG_DIR", str(own_config))
            grading.nbgrader(["release_assignment", ASSIGNMENT], course)
            ada, bo = hub.learner(f"ada-{tag}"), hub.learner(f"bo-{tag}")
            for learner in (ada, bo):
                learner.nbgrader("fetch_assignment", ASSIGNMENT)
            fetched = nbs.read(ada.home / ASSIGNMENT / NOTEBOOK)
            ada.nbgrader("submit", ASSIGNMENT)  # too early: the notebook as fetched
            ada.answer(submissions.reference(fetched, source_nb))
            ada.nbgrader("submit", ASSIGNMENT)
            bo.answer(submissions.apply_variant(submissions.reference(fetched, source_nb), wrong.read_text()))
            # the due date passes between Ada's last hand-in and Bo's
            due = datetime.datetime.now(datetime.timezone.utc)
            grading.nbgrader(["db", "assignment", "add", ASSIGNMENT,
                              f"--duedate={due:%Y-%m-%d %H:%M:%S.%f} UTC"], course)
            bo.nbgrader("submit", ASSIGNMENT)
            collected = grading.nbgrader(["collect", ASSIGNMENT], course)
            # Cy's notebook, from the LMS: no submission_secret.txt, which
            # nbgrader's release_feedback opens
            cy = f"cy_{tag}"  # an LMS's id may hold the "_" that also parts it from the notebook's name
            archive = course / "downloaded" / ASSIGNMENT / "archive"
            archive.mkdir(parents=True)
            with zipfile.ZipFile(archive / "lms-download.zip", "w") as zf:
                zf.writestr(f"{cy}_{NOTEBOOK}", nbformat.writes(fetched))  # too early: as fetched
            grading.nbgrader(["zip_collect", ASSIGNMENT], course)
            assert (course / "submitted" / cy / ASSIGNMENT / NOTEBOOK).is_file(), "zip_collect did not collect Cy"
            # her upload again, answered, in a new download from the LMS (README: zip_collect --force)
            (archive / "lms-download.zip").unlink()
            with zipfile.ZipFile(archive / "lms-download-2.zip", "w") as zf:
                zf.writestr(f"{cy}_{NOTEBOOK}", nbformat.writes(submissions.reference(fetched, source_nb)))
            grading.nbgrader(["zip_collect", "--force", ASSIGNMENT], course)
            graded = newcomer.make(course, "grade", f"A={ASSIGNMENT}")
            assert graded.returncode == 0, f"make grade A={ASSIGNMENT} failed:\n{graded.stdout[-6000:]}"
            _grade_written_answers(course, ada.name)  # in formgrader; Bo's and Cy's wait
            handed = newcomer.make(course, "feedback", f"A={ASSIGNMENT}")
            assert handed.returncode == 0, f"make feedback A={ASSIGNMENT} failed:\n{handed.stdout[-6000:]}"
            for learner in (ada, bo):
                learner.nbgrader("fetch_feedback", ASSIGNMENT)
        yield {"course": course, "hub": hub, "ada": ada, "bo": bo, "cy": cy,
               "collect_log": collected.stdout + collected.stderr, "feedback_log": handed.stdout}
    finally:
        hub.close()


def _grade_written_answers(course, student):
    """Full marks on each of the learner's written answers, saved as
    formgrader's grading page saves a score."""
    with _gradebook(course) as gb:
        for grade in gb.find_submission_notebook(STEM, ASSIGNMENT, student).grades:
            if grade.needs_manual_grade and grade.auto_score is None:
                grade.manual_score, grade.needs_manual_grade = grade.max_score, False
        gb.db.commit()


def _readme_named_regexp():
    """README's line for zip_collect: c.FileNameCollectorPlugin.named_regexp = r"..." """
    readme = (newcomer.ROOT / "README.md").read_text()
    line = re.search(r"^ *(c\.FileNameCollectorPlugin\.named_regexp = (r\"[^\"]+\"))$", readme, re.M)
    assert line, "README gives no named_regexp for zip_collect"
    ast.literal_eval(line.group(2))
    return line.group(1)


def test_readme_named_regexp_reads_the_lms_file_names():
    """README's line, through nbgrader's own collector: the learner id may
    hold "_" and so may the notebook's name; every notebook of the course is
    named in it; any other file is skipped."""
    from nbgrader.plugins.zipcollect import FileNameCollectorPlugin
    from coursetools import assignments, source_notebooks
    line = _readme_named_regexp()
    plugin = FileNameCollectorPlugin(named_regexp=ast.literal_eval(line.split(" = ", 1)[1]))
    extracted = "/home/teacher/course/downloaded/04_patterns/extracted"
    for name, expected in [("alice_kmeans.ipynb", ("alice", "kmeans.ipynb")),
                           ("mary_jane_gradient_descent.ipynb", ("mary_jane", "gradient_descent.ipynb")),
                           ("o'neil_2_neural_network.ipynb", ("o'neil_2", "neural_network.ipynb")),
                           ("alice_kmeans-1.ipynb", None), ("alice_notes.ipynb", None), ("alice_kmeans.py", None)]:
        found = plugin.collect(f"{extracted}/{name}")  # None: skipped
        assert (found and (found["student_id"], found["file_id"])) == expected, f"{name}: {found}, expected {expected}"
    notebooks = {p.name for a in assignments() for p in source_notebooks(a)}
    assert {n for n in notebooks if plugin.collect(f"{extracted}/bo_{n}")} == notebooks, \
        "README's named_regexp should name every notebook of the course"


def _gradebook(course):
    from nbgrader.api import Gradebook
    return Gradebook(grading.db_url_of(course), course_id=COURSE_ID)


def test_latest_submission_is_graded(hub_run):
    course, ada, bo = hub_run["course"], hub_run["ada"], hub_run["bo"]
    first, second = _submissions(hub_run["hub"], ada)
    assert len(_submissions(hub_run["hub"], bo)) == 1
    with _gradebook(course) as gb:
        assert sorted(s.student.id for s in gb.find_assignment(ASSIGNMENT).submissions) == \
            sorted([ada.name, bo.name, hub_run["cy"]])
        assert gb.find_submission(ASSIGNMENT, ada.name).timestamp == second.replace(tzinfo=None), \
            "the gradebook should hold Ada's second submission"
    grades = grading.read_grades(course, ASSIGNMENT)
    score, most = grading.totals(grades[ada.name])
    assert most > 0 and score == most, f"Ada's second submission (the reference) should get full marks, got {score}/{most}"
    score, most = grading.totals(grades[bo.name])
    assert 0 < score < most, f"Bo's wrong answer should lose some points, got {score}/{most}"
    score, most = grading.totals(grades[hub_run["cy"]])
    assert score == most, f"Cy's second upload (the reference), collected with --force, should get full marks: {score}/{most}"


def test_late_submission_is_penalised(hub_run):
    course, ada, bo = hub_run["course"], hub_run["ada"], hub_run["bo"]
    with _gradebook(course) as gb:
        on_time = gb.find_submission(ASSIGNMENT, ada.name)
        late = gb.find_submission(ASSIGNMENT, bo.name)
        assert on_time.total_seconds_late == 0
        assert not gb.find_submission_notebook(STEM, ASSIGNMENT, ada.name).late_submission_penalty
        assert late.total_seconds_late > 0, f"Bo submitted at {late.timestamp}, after the due date {late.duedate}"
        notebook = gb.find_submission_notebook(STEM, ASSIGNMENT, bo.name)
        # penalty_method 'zero': the late notebook loses everything it scored
        assert notebook.score > 0 and notebook.late_submission_penalty == notebook.score


def test_each_learner_fetches_own_feedback_only(hub_run):
    course, ada, bo = hub_run["course"], hub_run["ada"], hub_run["bo"]
    with _gradebook(course) as gb:
        # what each page must show: the learner's own score and late penalty
        shown = {}
        for learner in (ada, bo):
            nb = gb.find_submission_notebook(STEM, ASSIGNMENT, learner.name)
            penalty = nb.late_submission_penalty or 0
            shown[learner.name] = (f"{STEM} (Score: {round(float(nb.score - penalty), 2)} / "
                                   f"{round(float(nb.max_score), 2)})", penalty)
    assert shown[ada.name] != shown[bo.name]
    for learner in (ada, bo):
        graded_at = _submissions(hub_run["hub"], learner)[-1]
        fetched = sorted(learner.home.rglob("*.html"))
        # one page, in the folder nbgrader names by the graded submission's timestamp
        assert [p.relative_to(learner.home).parts[:2] for p in fetched] == [(ASSIGNMENT, "feedback")], \
            f"{learner.name} should find one feedback page, found {fetched}"
        assert fetched[0].parent.name == f"{graded_at:%Y-%m-%d %H:%M:%S.%f} UTC", \
            f"{learner.name}'s feedback should be for the graded submission of {graded_at}"
        text = visible_text(fetched[0].read_text())
        score, penalty = shown[learner.name]
        assert score in text, f"{learner.name}'s feedback page should show their own '{score}'"
        if penalty:
            assert f"Late submission penalty (Score: -{round(float(penalty), 2)})" in text
        else:
            assert "Late submission penalty" not in text
        given = course / "feedback" / learner.name / ASSIGNMENT / f"{STEM}.html"
        assert fetched[0].read_bytes() == given.read_bytes(), \
            f"{learner.name} fetched a page other than the one generated for them"


def test_submissions_came_from_their_owners(hub_run):
    """With real users, collect finds each submission owned by the learner it
    names (nbgrader warns of a 'cheating attempt' otherwise)."""
    if not REAL_USERS:
        pytest.skip("learners are one Unix user here (not root)")
    assert "cheating attempt" not in hub_run["collect_log"]
    for learner in (hub_run["ada"], hub_run["bo"]):
        owners = {pwd.getpwuid(p.stat().st_uid).pw_name
                  for p in (hub_run["hub"].exchange / COURSE_ID / "inbound").glob(f"{learner.name}+*")}
        assert owners == {learner.name}


def test_feedback_of_a_learner_outside_the_exchange_is_named_not_released(hub_run):
    """`make feedback` releases Ada's and Bo's pages and names Cy's, whose
    hand-in has no exchange secret; plain release_feedback stops there."""
    course, cy, log = hub_run["course"], hub_run["cy"], hub_run["feedback_log"]
    page = course / "feedback" / cy / ASSIGNMENT / f"{STEM}.html"
    assert page.is_file(), f"make feedback should write Cy's page too:\n{log}"
    names = [learner.name for learner in (hub_run["ada"], hub_run["bo"])]
    assert f"released through nbgrader's exchange: {', '.join(sorted(names))}" in log, log
    assert "did not come through the exchange" in log and f"  {cy}: {page.relative_to(course)}" in log, log
    # the written answers Ada's instructor graded reach her page; Bo's and Cy's wait, said so
    pending = re.search(r"^written answers not graded yet, shown as 0 on their pages: (.*); grade them", log, re.M)
    assert pending and [p.split(" (")[0] for p in pending.group(1).split(", ")] == sorted([hub_run["bo"].name, cy]), log
    # one page in the exchange for each of Ada and Bo, none for Cy
    released = list((hub_run["hub"].exchange / COURSE_ID / "feedback").glob("*.html"))
    given = {(course / "feedback" / name / ASSIGNMENT / f"{STEM}.html").read_bytes() for name in names}
    assert len(released) == 2 and {p.read_bytes() for p in released} == given, \
        f"the exchange should hold Ada's and Bo's pages alone, holds {sorted(p.name for p in released)}"
