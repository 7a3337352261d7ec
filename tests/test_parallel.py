"""Parallel autograding on Dask writes the gradebook serial nbgrader writes.

One class (good learners, an unanswered release, wrong answers and broken
uploads from the robustness collection: invalid JSON, a missing notebook, a
kernel that exits, an infinite loop; test cells deleted or edited to pass,
which nbgrader's sanitize pass puts back) is autograded four times from fresh
copies: plain `nbgrader autograde` and the course's parallel autograde, on
SQLite and on a PostgreSQL server started on loopback. All four gradebooks
must be identical, and the SQLite one must pass SQLite's integrity check.
"""
import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

import postgres
from conftest import ASSIGNMENTS, ROOT, SEVERAL
from coursetools import (grade, grading, notebooks as nbs, outcomes, parallel, report, source_notebooks,
                         submissions)
from test_robustness import (ASSIGNMENT, CELL_TIMEOUT, _cases, _hand_in, _prepend_to_first_answer,
                             course_with_good_learners)

# deleted-test-cell and tests-edited-to-pass: nbgrader's sanitize pass puts
# the instructor's test cells back; on the parallel path only the workers run
# it (the record stage takes their copies whole), and the gradebook must
# still be serial nbgrader's; metadata-lost fails in that pass, with its reason.
CASES = ("invalid-json", "missing-notebook", "kernel-exits", "infinite-loop", "answer-raises",
         "unanswered", "huge-output", "answer-cell-copied-twice", "deleted-test-cell", "tests-edited-to-pass",
         "metadata-lost")


@pytest.fixture(scope="module")
def class_course(tmp_path_factory, generated):
    """A course with the class handed in and nothing graded yet."""
    course, _notebook, release_nb, ref, others = course_with_good_learners(tmp_path_factory.mktemp("parallel"),
                                                                           generated)
    cases = _cases(release_nb, ref)
    # The learner whose cell never ends waits instead of spinning: the same
    # timeout, interrupt and grades, without a core held for the 5 s each of
    # the four runs waits out (test_robustness.py grades the spinning loop).
    waits = _prepend_to_first_answer(ref, "import time\nwhile True:\n    time.sleep(0.05)")
    cases["infinite-loop"] = ({release_nb.metadata["_name"]: waits}, *cases["infinite-loop"][1:])
    for student in CASES:
        files = cases[student][0]
        _hand_in(course, student, {**files, **({} if student == "missing-notebook" else others)})
    # wrong answers from variants/: each loses points in its own way
    pool = submissions.class_for(course, ASSIGNMENT)
    for sid in sorted(s for s in pool if "--wrong--" in s)[:3]:
        submissions.write_submission(course, sid, ASSIGNMENT, pool[sid])
    return course, cases


def small_class(base, course, learners):
    """A copy of the ungraded course `base` at `course` with only `learners` handed in."""
    shutil.copytree(base, course, ignore=shutil.ignore_patterns("submitted"))
    for sid in learners:
        shutil.copytree(base / "submitted" / sid, course / "submitted" / sid)
    return course


def fresh_copy(base, course, db_url=None):
    """A copy of the ungraded course `base` at `course`, its gradebook at
    db_url when given (PostgreSQL) instead of gradebook.db."""
    shutil.copytree(base, course)
    if db_url:  # the instructor's course on PostgreSQL: the assignment is generated into it
        (course / "gradebook.db").unlink()
        grading.nbgrader(["generate_assignment", ASSIGNMENT, "--force"], course, env={"COURSE_DB_URL": db_url})
    return course


def _grade(class_course, workdir, kind, db_url=None, recordings=None):
    """Grade a fresh copy of the class; returns (gradebook dump, status, course).
    recordings: a list given for the parallel kind gets, for each recording
    in the order they started, (its learners, the learners whose files had
    gone out to a worker by then)."""
    course = fresh_copy(class_course[0], workdir / kind, db_url)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COURSE_CELL_TIMEOUT", CELL_TIMEOUT)  # the infinite loop stops sooner
        if recordings is not None:
            read, record, sent = parallel._files, parallel.record, set()

            def files(folder, *args):
                if Path(folder).parent.parent.name == "submitted":  # a task's learner
                    sent.add(Path(folder).parent.name)
                return read(folder, *args)

            def recording(course, assignment, notebook, results, *args, **kwargs):
                recordings.append((sorted(results), set(sent)))
                return record(course, assignment, notebook, results, *args, **kwargs)

            mp.setattr(parallel, "_files", files)
            mp.setattr(parallel, "record", recording)
        if kind == "serial":  # plain nbgrader autograde: one process, one learner after another
            env = {"COURSE_DB_URL": db_url} if db_url else None
            grading.autograde(course, ASSIGNMENT, check=False, env=env)
            status = None
        else:
            status, _ = parallel.autograde_parallel(course, ASSIGNMENT, workers=2, progress=True, db_url=db_url)
    return grading.dump_gradebook(grading.db_url_of(course, db_url)), status, course


@pytest.fixture(scope="module")
def sqlite_runs(class_course, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("sqlite-runs")
    recordings = []
    runs = {kind: _grade(class_course, workdir, kind, recordings=recordings if kind == "parallel" else None)
            for kind in ("serial", "parallel")}
    return dict(runs, recordings=recordings)


@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory):
    if postgres.binaries() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing: .ci/run should have installed postgresql")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    server = postgres.Server(tmp_path_factory.mktemp("pg")).start()
    yield server
    server.stop()


def test_parallel_gradebook_equals_serial_on_sqlite(sqlite_runs, class_course):
    serial, _, _ = sqlite_runs["serial"]
    parallel_dump, _, _ = sqlite_runs["parallel"]
    learners = set(grading.submitted_learners(class_course[0], ASSIGNMENT))
    # nbgrader records a submission for every learner with a notebook to grade
    assert {sid for sid, _ in serial} == learners - {"missing-notebook"}, f"serial nbgrader recorded {sorted(serial)}"
    assert parallel_dump == serial, first_difference(serial, parallel_dump)


def test_sqlite_gradebook_is_intact_after_parallel_run(sqlite_runs):
    _, _, course = sqlite_runs["parallel"]
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not (course / ".grading").exists(), "the workers' executed notebooks were left behind"


def test_the_class_is_recorded_once_no_task_is_left_to_go_out(sqlite_runs, class_course):
    """Each recording is an nbgrader command of its own, and while both
    workers run kernels it takes CPU from them. A class smaller than
    RECORD_BATCH is recorded at the end of the queue: first once the last
    task has gone out and a worker is free (the core the last learners
    leave idle), then whatever finishes after it; every learner once."""
    learners = grading.submitted_learners(class_course[0], ASSIGNMENT)
    assert len(learners) < parallel.RECORD_BATCH
    recordings = sqlite_runs["recordings"]
    assert recordings, "nothing was recorded"
    assert sorted(sid for batch, _ in recordings for sid in batch) == sorted(learners), recordings
    first, sent = recordings[0]
    assert sent == set(learners), f"recording {first} started with {sorted(set(learners) - sent)} still to go out"
    # on two workers: one recording once a worker is free, then one for the
    # task the other was still running (where there was one task per learner)
    assert len(recordings) <= 2, [batch for batch, _ in recordings]


def test_parallel_status_names_each_outcome(sqlite_runs, class_course):
    _, status, _ = sqlite_runs["parallel"]
    _, cases = class_course
    assert set(status) == set(grading.submitted_learners(class_course[0], ASSIGNMENT))
    for name in CASES:
        _files, want_status, _points, reason = cases[name]
        assert status[name]["status"] == want_status, f"{name}: {status[name]}"
        assert reason in status[name]["reason"], f"{name}: {status[name]}"
    good = [sid for sid in status if sid.startswith("good") or "--wrong--" in sid]
    assert all(status[sid]["status"] == outcomes.GRADED for sid in good), status


def test_a_learner_with_an_empty_folder_is_reported_and_the_others_of_its_task_graded(class_course):
    """A learner whose submitted folder is empty shares a task with a good
    learner: the empty one is reported with its reason, the other graded
    (the empty folder used to be left out of the worker's course, and the
    task failed on it for both, twice)."""
    course = class_course[0]
    payload = parallel.course_payload(course, ASSIGNMENT)
    learners = {"aaa-empty": {}, "good-1": parallel._files(course / "submitted" / "good-1" / ASSIGNMENT)}
    results, _log = parallel.execute_learners(payload, ASSIGNMENT, None, learners)
    assert set(results) == set(learners)
    assert results["aaa-empty"]["status"] == outcomes.FAILED, results["aaa-empty"]
    assert "notebook missing" in results["aaa-empty"]["reason"], results["aaa-empty"]
    assert results["good-1"]["status"] == outcomes.GRADED, results["good-1"]
    assert results["good-1"]["executed"], "the good learner's executed notebook came back"


def test_a_resubmission_that_cannot_be_graded_takes_the_old_feedback_page_away(class_course, tmp_path, capsys):
    """`make grade A=... STUDENT=good-1` after that learner replaced a
    graded notebook with one cut short: reported failed, and their feedback
    folder, the page of the submission before (nbgrader writes none for this
    one), is removed, not left for release_feedback to hand out as this
    submission's. The learner it does not name keeps everything: the
    gradebook's record of them, their page, and a written answer graded by
    hand, which grading them again would send back for review (nbgrader's
    rule); the report still lists them."""
    from nbgrader.api import Gradebook
    course = small_class(class_course[0], tmp_path / "course", ["good-1", "good-2"])
    args = [ASSIGNMENT, "--feedback", "--no-progress", "--workers", "2"]
    assert grade.main(args, course=course) == 0
    page = course / "feedback" / "good-1" / ASSIGNMENT
    assert list(page.glob("*.html")), "the first submission's feedback"
    url = grading.db_url_of(course)
    with Gradebook(url, course_id=grading.COURSE_ID) as gb:  # formgrader: good-2's first written answer
        answer = next(g for g in gb.find_submission(ASSIGNMENT, "good-2").notebooks[0].grades
                      if g.cell_type == "markdown")
        answer.manual_score, answer.needs_manual_grade = 1.0, False
        gb.db.commit()
    kept = {key: entry for key, entry in grading.dump_gradebook(url).items() if key[0] == "good-2"}
    others_page = {p: p.read_bytes() for p in (course / "autograded" / "good-2").rglob("*") if p.is_file()}
    for path in (course / "submitted" / "good-1" / ASSIGNMENT).glob("*.ipynb"):
        path.write_text(path.read_text()[:500])
    capsys.readouterr()
    assert grade.main(args + ["--student", "good-1", "--student", "nobody"], course=course) == 1
    out = capsys.readouterr().out
    assert f"not graded: nobody (no submission of {ASSIGNMENT} under submitted/nobody/)" in out, out
    assert "FAILED TO GRADE: notebook is not valid JSON" in out, out
    assert not page.exists(), "the page of the submission before is still there"
    assert f"feedback/good-1/{ASSIGNMENT}/" in out, out
    # make prints "Error 1" for the exit status: the last line says what it counts and that the rest is written
    assert "exit status 1: the submissions that could not be graded" in out.splitlines()[-1], out[-2000:]
    assert "good-2" not in out, f"the table lists this run's learners only:\n{out}"
    assert {key: entry for key, entry in grading.dump_gradebook(url).items() if key[0] == "good-2"} == kept, \
        "grading good-1 alone changed good-2's record (a hand-given score sent back for review?)"
    assert {p: p.read_bytes() for p in (course / "autograded" / "good-2").rglob("*") if p.is_file()} == others_page
    rows = {r["student"]: r for r in report.rows(course, [ASSIGNMENT])}
    assert rows["good-2"]["status"] == "graded" and rows["good-2"]["manual_pending"] == 4, rows["good-2"]
    # the log keeps what the whole class's run wrote of good-2 (a reason the report may point to), then good-1's
    log = (course / f"autograde-{ASSIGNMENT}.log").read_text()
    whole, _, alone = log.partition("grading only good-1 ===")
    assert "'good-2'" in whole and "'good-1'" in alone and "'good-2'" not in alone, log[-3000:]


def test_a_learner_collected_under_a_wrong_id_is_taken_out_as_readme_says(sqlite_runs, tmp_path):
    """README's commands for an id that is nobody's (zip_collect with a line
    that misread a name), run on a copy of the graded class: that id leaves
    submitted/, the gradebook and reports/grades.csv; the others keep their
    records."""
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^ *(rm -rf submitted/mary .*|\.venv/bin/nbgrader db student remove mary .*"
                          r"|\.venv/bin/python -m coursetools\.report .*)$", readme, re.M)
    assert len(commands) == 3, f"README's commands to take an id out: {commands}"
    course = shutil.copytree(sqlite_runs["parallel"][2], tmp_path / "course")
    gone = "good-1"
    before = {key: entry for key, entry in grading.dump_gradebook(grading.db_url_of(course)).items() if key[0] != gone}
    assert (course / "submitted" / gone).is_dir() and gone in grading.read_grades(course, ASSIGNMENT)
    for command in commands:
        command = command.replace("mary", gone).replace(".venv/bin/", f"{Path(sys.executable).parent}/")
        subprocess.run(["bash", "-c", command], cwd=course, check=True, capture_output=True,
                       env=grading.command_env())
    assert not (course / "submitted" / gone).exists() and not (course / "autograded" / gone).exists()
    assert gone not in grading.read_grades(course, ASSIGNMENT)
    with open(course / "reports" / "grades.csv", newline="") as f:
        assert gone not in {r["student"] for r in csv.DictReader(f)}
    assert gone not in grading.gradebook_students(course)
    after = grading.dump_gradebook(grading.db_url_of(course))
    assert {key: entry for key, entry in after.items() if key[0] != gone} == before


def test_a_scheduler_that_cannot_be_reached_changes_nothing(class_course, tmp_path, capsys, monkeypatch):
    """`make grade SCHEDULER=...` with the scheduler not there: one line
    says nothing was graded and why, and the learners keep what the run
    before gave them (their feedback page and report rows; it used to
    remove every page as if each submission had failed, and write a report
    of failures over grades the gradebook still held)."""
    course = small_class(class_course[0], tmp_path / "course", ["good-1"])
    args = [ASSIGNMENT, "--feedback", "--no-progress", "--workers", "1"]
    assert grade.main(args, course=course) == 0
    page = course / "feedback" / "good-1" / ASSIGNMENT
    before = {path: path.read_bytes() for path in [*page.rglob("*"), course / "reports" / "grades.csv"]
              if path.is_file()}

    @contextmanager
    def unreachable(*args, **kwargs):
        raise OSError("Timed out trying to connect to tcp://10.0.0.9:8786 after 30 s")
        yield

    monkeypatch.setattr(parallel, "cluster", unreachable)
    capsys.readouterr()
    assert grade.main([ASSIGNMENT, "--feedback", "--no-progress", "--scheduler", "tcp://10.0.0.9:8786"],
                      course=course) == 1
    out = capsys.readouterr().out
    assert "nothing graded: the Dask cluster gave up: OSError: Timed out trying to connect" in out, out
    assert "FAILED" not in out and "removed" not in out, out
    assert {path: path.read_bytes() for path in before if path.is_file()} == before, "the run changed what it did not grade"


def test_workers_with_a_scheduler_is_refused(capsys):
    """WORKERS= sizes the local cluster and was ignored without a word beside
    SCHEDULER=, whose workers are started elsewhere."""
    with pytest.raises(SystemExit):
        grade.main([ASSIGNMENT, "--scheduler", "tcp://10.0.0.9:8786", "--workers", "4"])
    assert "give one of the two" in capsys.readouterr().err


def test_nothing_to_grade_names_the_folders_nbgrader_would_skip(tmp_path, capsys):
    """`make grade` with submissions only in folders nbgrader grades as no
    learner (a misspelt assignment, a hidden student folder) says nothing
    is to be graded and names them, instead of "no submissions" alone."""
    course = grading.copy_course(tmp_path / "course")
    (course / "submitted" / "alice" / "01_Baseline").mkdir(parents=True)
    (course / "submitted" / ".bob" / ASSIGNMENTS[0]).mkdir(parents=True)
    for argv in ([], [ASSIGNMENTS[0]]):
        with pytest.raises(SystemExit):
            grade.main(argv + ["--no-progress"], course=course)
        err = capsys.readouterr().err
        assert "nothing to grade: no submissions of" in err, err
        assert "not graded: submitted/alice/01_Baseline (no assignment 01_Baseline;" in err, err
        assert f"not graded: submitted/.bob/{ASSIGNMENTS[0]} (a hidden folder" in err, err
    # a learner named (make grade STUDENT=...) who handed nothing in: nothing graded either, and who is said
    (course / "submitted" / "carol" / ASSIGNMENTS[0]).mkdir(parents=True)
    with pytest.raises(SystemExit):
        grade.main([ASSIGNMENTS[0], "--student", "alice", "--no-progress"], course=course)
    err = capsys.readouterr().err
    assert f"nothing to grade: no submissions of {ASSIGNMENTS[0]} by alice" in err, err


def test_an_assignment_that_cannot_be_generated_is_named_and_the_others_graded(two_assignments, capsys):
    """`make grade` with one assignment's source broken (a merge conflict
    left in a source notebook): a PROBLEM line names it, the other
    assignment is graded, and no traceback (generate_assignment's failure
    used to stop the run before any learner, the healthy assignment's
    included)."""
    course, (broken, healthy) = two_assignments
    source = sorted((course / "source" / broken).glob("*.ipynb"))[0]
    source.write_text("<<<<<<< HEAD\n" + source.read_text())
    # and two folders nbgrader grades as no learner of either: said, left alone
    shutil.copytree(course / "submitted" / "untouched" / healthy, course / "submitted" / "alice" / healthy.upper())
    shutil.copytree(course / "submitted" / "untouched" / healthy, course / "submitted" / ".bob" / healthy)
    # and a second upload beside the learner's notebook, which nbgrader leaves out without a word
    first = sorted((course / "submitted" / "untouched" / healthy).glob("*.ipynb"))[0]
    shutil.copy(first, first.with_name(f"{first.stem}-1.ipynb"))
    assert grade.main([broken, healthy, "--no-progress", "--workers", "1"], course=course) == 1
    out = capsys.readouterr().out
    assert f"PROBLEM {broken}: generate_assignment failed: nbformat.reader.NotJSONError" in out, out
    assert "Traceback" not in out, out
    assert f"not graded: submitted/alice/{healthy.upper()} (no assignment {healthy.upper()};" in out, out
    assert f"not graded: submitted/.bob/{healthy} (a hidden folder: nbgrader skips it)" in out, out
    assert f"not graded: submitted/untouched/{healthy}/{first.stem}-1.ipynb (not a notebook of {healthy}, " in out, out
    assert ".bob" not in grading.read_grades(course, healthy)
    assert "untouched" in grading.read_grades(course, healthy), "the healthy assignment was not graded"
    rows = [line.split() for line in out.splitlines() if line.startswith("untouched")]
    assert [cells[1] for cells in rows] == [healthy], out


@pytest.mark.skipif(SEVERAL is None, reason="no assignment of several notebooks in this run")
def test_a_learner_who_left_out_one_notebook_of_several_is_graded_on_the_others(tmp_path):
    """Serial nbgrader grades the notebooks a learner handed in and scores
    the missing one nothing; parallel grading writes the same gradebook,
    and the report says graded, naming the missing notebook (the learner
    used to fail whole, the four notebooks they did worth nothing)."""
    base = grading.copy_course(tmp_path / "base")
    grading.generate(base, SEVERAL)
    sources = source_notebooks(SEVERAL)
    first, left_out = sources[0], sources[-1].name
    files = {p.name: nbs.read(base / "release" / SEVERAL / p.name) for p in sources if p.name != left_out}
    files[first.name] = submissions.reference(files[first.name], nbs.read(first))
    submissions.write_submission(base, "partial", SEVERAL, files)
    dumps, reports = {}, {}
    for kind in ("serial", "parallel"):
        course = shutil.copytree(base, tmp_path / kind)
        if kind == "serial":
            status = grading.autograde_class(course, SEVERAL)
        else:
            status, _ = parallel.autograde_parallel(course, SEVERAL, workers=2, progress=False)
        assert status["partial"]["status"] == outcomes.GRADED, (kind, status)
        assert f"notebook missing: {left_out}" in status["partial"]["reason"], (kind, status)
        dumps[kind] = grading.dump_gradebook(grading.db_url_of(course))
        reports[kind] = report.rows(course, [SEVERAL], status={SEVERAL: status})
    assert dumps["parallel"] == dumps["serial"], first_difference(dumps["serial"], dumps["parallel"])
    row, = reports["parallel"]
    assert row["status"] == "graded" and row["auto_score"] > 0, row
    assert reports["parallel"] == reports["serial"]


def test_existing_scheduler_and_progress_bar(class_course, sqlite_runs, tmp_path, capfd, scheduler_in_this_process):
    """A small class graded on an existing Dask scheduler (as on a Slurm or
    Kubernetes cluster): same grades as serial, and the progress bar ends
    at graded/total with the failures counted."""
    from distributed import LocalCluster

    learners = ("good-1", "invalid-json", "unanswered")
    course = small_class(class_course[0], tmp_path / "course", learners)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as external:
        status, _ = parallel.autograde_parallel(course, ASSIGNMENT, scheduler=external.scheduler_address)
    err = capfd.readouterr().err
    assert "3/3" in err and "failed=1" in err, err[-2000:]
    assert status["invalid-json"]["status"] == outcomes.FAILED
    serial = sqlite_runs["serial"][0]
    got = grading.dump_gradebook(grading.db_url_of(course))
    assert got == {k: v for k, v in serial.items() if k[0] in learners}, first_difference(serial, got)


def test_local_workers_are_threads_sharing_this_process_zygote_and_fork_server():
    """A local cluster's workers are threads of the grading process: no
    worker process starts (and imports Python's and Dask's modules again),
    their nbgrader commands run in this process's fork server and their
    kernels fork from this process's kernel zygote, so nbgrader and the
    course's libraries are imported once per grading process (and kept from
    one cluster to the next), not once per worker."""
    from coursetools import forkserver, sandbox
    mine = sandbox.zygote_for_command(grading.command_env())
    assert mine or not os.environ.get("CI"), "under CI the kernel zygote must work"
    if mine is None:
        pytest.skip("no kernel zygote on this machine")
    server = forkserver.socket_path()
    with parallel.cluster(workers=2) as client:
        pids = client.run(os.getpid)
        theirs = client.submit(lambda: (forkserver.socket_path(), sandbox.zygote_for_command(grading.command_env())),
                               pure=False).result()
        version = client.submit(grading.nbgrader, ["--version"], ".", pure=False).result()
    assert len(pids) == 2 and set(pids.values()) == {os.getpid()}, f"worker processes: {pids}"
    assert theirs == (server, mine), "the workers' commands need another fork server or kernel zygote"
    assert version.returncode == 0 and version.stdout.strip(), version


def test_partition_gives_each_learner_to_one_task():
    learners = [f"s{i:03d}" for i in range(47)]
    for workers in (1, 2, 8, 64):
        parts = parallel.partition(learners, workers)
        flat = [s for part in parts for s in part]
        assert flat == learners, "every learner in exactly one task, in order"
        sizes = [len(p) for p in parts]
        assert max(sizes) <= 10 and sizes == sorted(sizes, reverse=True), sizes
        assert len(parts) >= min(len(learners), 2 * workers), "at least two tasks per worker"
        assert sizes[-workers:] == [1] * min(workers, len(sizes)), "the last tasks are single learners"
    assert [len(p) for p in parallel.partition(learners[:20], 2)] == [5, 4, 3, 2, 2, 1, 1, 1, 1]
    assert parallel.partition([], 2) == []


def test_partition_of_several_groups_shrinks_toward_the_end_of_the_queue_only():
    """Several course folders graded on one queue (check.grade_class: one
    per notebook of the variants): a slice never mixes groups, and only the
    last group ends on single learners, so the groups before it take few,
    large tasks (each task costs two nbgrader runs)."""
    groups = [("a", [f"a{i:02d}" for i in range(23)]), ("b", [f"b{i:02d}" for i in range(17)]),
              ("c", [f"c{i:02d}" for i in range(20)])]
    parts = parallel.partition_groups(groups, 2)
    assert [s for _, part in parts for s in part] == [s for _, learners in groups for s in learners]
    assert all({sid[0] for sid in part} == {key} for key, part in parts), "a slice holds one group's learners"
    assert [(key, len(part)) for key, part in parts] == [
        ("a", 10), ("a", 10), ("a", 3), ("b", 10), ("b", 7), ("c", 5), ("c", 4), ("c", 3), ("c", 2), ("c", 2),
        ("c", 1), ("c", 1), ("c", 1), ("c", 1)]
    one_at_a_time = sum(len(parallel.partition(learners, 2)) for _, learners in groups)
    assert len(parts) == 14 < one_at_a_time == 26
    one = parallel.partition_groups([("x", [f"s{i:03d}" for i in range(20)])], 2)
    assert [(key, len(part)) for key, part in one] == [("x", n) for n in (5, 4, 3, 2, 2, 1, 1, 1, 1)]


def test_parallel_and_serial_gradebooks_equal_on_postgresql(postgres_server, class_course, sqlite_runs,
                                                           tmp_path_factory):
    workdir = tmp_path_factory.mktemp("pg-runs")
    dumps = {}
    for kind in ("serial", "parallel"):
        url = postgres_server.create_database(f"gradebook_{kind}")
        postgres.wait_ready(url)
        dumps[kind], _, course = _grade(class_course, workdir, kind, db_url=url)
        assert not (course / "gradebook.db").exists(), "grading wrote a SQLite gradebook instead of PostgreSQL"
    assert dumps["serial"], "nothing was written to PostgreSQL"
    assert dumps["parallel"] == dumps["serial"], first_difference(dumps["serial"], dumps["parallel"])
    # and the same as on SQLite
    assert dumps["serial"] == sqlite_runs["serial"][0], first_difference(sqlite_runs["serial"][0], dumps["serial"])


def first_difference(a, b):
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            return f"{key}: {a.get(key)!r}\n  !=\n{b.get(key)!r}"
    return "no difference"


def test_recording_a_task_of_learners_without_notebooks_records_nothing(tmp_path):
    """A task can hold only learners who handed in no notebook; nbgrader
    would stop on it ("No notebooks were matched") and fail the whole
    assignment. Such a task is not recorded (serial nbgrader writes nothing
    for these learners either) and keeps its status."""
    course = tmp_path / "course"
    (course / "submitted" / "no-notebook" / "02_metrics").mkdir(parents=True)
    (course / "submitted" / "no-notebook" / "02_metrics" / "notes.txt").write_text("sorry")
    results = {"no-notebook": {"status": outcomes.FAILED, "reason": "notebook missing", "executed": {}}}
    done, status = parallel.record(course, "02_metrics", None, results, "worker log\n")
    assert done == course and status == {"no-notebook": {"status": outcomes.FAILED, "reason": "notebook missing"}}
    assert not (course / "gradebook.db").exists()


@pytest.fixture(scope="module")
def two_assignments_ungraded(tmp_path_factory):
    """A course with two assignments generated and learner "untouched"
    handing in both releases untouched (quick to grade): (course, ids)."""
    course = grading.copy_course(tmp_path_factory.mktemp("two-assignments") / "course")
    ids = [next(a for a in ASSIGNMENTS if a != ASSIGNMENT), ASSIGNMENT]
    for a in ids:
        grading.generate(course, a)
        submissions.write_submission(course, "untouched", a, {
            p.name: nbs.read(p) for p in sorted((course / "release" / a).glob("*.ipynb"))})
    return course, ids


@pytest.fixture
def two_assignments(two_assignments_ungraded, tmp_path):
    """A fresh copy of two_assignments_ungraded for one test to grade."""
    base, ids = two_assignments_ungraded
    return shutil.copytree(base, tmp_path / "course"), ids


def test_assignments_are_graded_in_one_queue(two_assignments, monkeypatch):
    """`make grade` and `make demo` grade every assignment on one cluster in
    one queue: the next assignment's learners go out while the one before
    is still being recorded, so no worker waits for the last learner of
    each assignment. Here the first assignment's recording is held until
    the second's submissions have been read for a task: one queue per
    assignment would wait for it in vain (120 s, then its learner fails)."""
    course, (first, second) = two_assignments
    sent = threading.Event()
    read, record = parallel._files, parallel.record

    def files(folder, *args):
        if Path(folder).name == second:  # submitted/<student>/<second>: a task of it goes out
            sent.set()
        return read(folder, *args)

    def held(course, assignment, *args, **kwargs):
        if assignment == first:
            assert sent.wait(120), f"{second}'s learners waited for the recording of {first}"
        return record(course, assignment, *args, **kwargs)

    monkeypatch.setattr(parallel, "_files", files)
    monkeypatch.setattr(parallel, "record", held)
    status, _ = parallel.autograde_assignments(course, [first, second], workers=2, progress=False)
    for a in (first, second):
        assert status[a]["untouched"]["status"] == outcomes.GRADED, status
        assert "untouched" in grading.read_grades(course, a), f"{a} was not recorded"


def test_a_learner_handing_in_again_while_graded_is_recorded_as_executed(two_assignments, monkeypatch):
    """A learner can hand in again (a collect, an LMS upload) after a task
    has taken their files and before its recording: the gradebook and
    autograded/ then hold the version that was executed, graded, and the
    new one waits in submitted/ for the next run. (Staged from the folder
    as it was at recording time, the new answers met the old outputs, and
    the learner failed: "the executed copy does not match".)"""
    course, (_first, second) = two_assignments
    record = parallel.record
    folder = course / "submitted" / "untouched" / second
    names = sorted(p.name for p in folder.glob("*.ipynb"))
    executed = {name: nbs.read(folder / name) for name in names}

    def handed_in_again(course, assignment, *args, **kwargs):
        for name in names:
            nbformat.write(_prepend_to_first_answer(executed[name], "# handed in again while graded"), str(folder / name))
        return record(course, assignment, *args, **kwargs)

    monkeypatch.setattr(parallel, "record", handed_in_again)
    status, _ = parallel.autograde_assignments(course, [second], workers=2, progress=False)
    assert status[second]["untouched"]["status"] == outcomes.GRADED, status
    for name in names:
        graded = nbs.read(course / "autograded" / "untouched" / second / name)
        assert "handed in again" not in "".join(c.source for c in graded.cells)
        assert "handed in again" in (folder / name).read_text()
    assert all(g["score"] == 0 for cells in grading.read_grades(course, second)["untouched"].values()
               for g in cells if g["cell_type"] == "code")


def test_a_class_larger_than_the_record_batch_is_recorded_on_the_way(two_assignments, monkeypatch):
    """Before the end of the queue, an assignment's finished learners are
    recorded once RECORD_BATCH of them wait (a large class is not held in
    memory to the end, nor lost whole to a crash). With a batch of one,
    each of three one-learner tasks on two workers is recorded on its own
    (with the default batch, the first two finished wait for a free worker
    and are recorded together); every learner graded and recorded once."""
    course, (_, second) = two_assignments
    learners = ["untouched", "untouched-2", "untouched-3"]
    for sid in learners[1:]:
        shutil.copytree(course / "submitted" / "untouched", course / "submitted" / sid)
    record, recordings = parallel.record, []

    def recording(course, assignment, notebook, results, *args, **kwargs):
        recordings.append(sorted(results))
        return record(course, assignment, notebook, results, *args, **kwargs)

    monkeypatch.setattr(parallel, "record", recording)
    monkeypatch.setattr(parallel, "RECORD_BATCH", 1)
    status, _ = parallel.autograde_assignments(course, [second], workers=2, progress=False)
    assert all(status[second][sid]["status"] == outcomes.GRADED for sid in learners), status
    assert sorted(len(batch) for batch in recordings) == [1, 1, 1], recordings
    assert set(grading.read_grades(course, second)) == set(learners)


# set once the first assignment is recorded; the other's tasks wait for it
# (a module global: the in-process Dask workers unpickle _held_until_recorded
# by reference, and so share it)
FIRST_RECORDED = threading.Event()


def _held_until_recorded(payload, assignment, notebook, learners, *args, **kwargs):
    if assignment == ASSIGNMENT and not FIRST_RECORDED.wait(60):
        raise RuntimeError("held in vain: the first assignment was not recorded while this one ran")
    return _EXECUTE_LEARNERS(payload, assignment, notebook, learners, *args, **kwargs)


_EXECUTE_LEARNERS = parallel.execute_learners


def test_an_assignment_is_recorded_when_its_last_task_comes_back(two_assignments, monkeypatch):
    """Graded in one queue with another assignment, an assignment is
    recorded as soon as its last task comes back, not at the end of the
    queue (its recording would lengthen that end). Here the other
    assignment's learners are held until the first is recorded: waiting
    for the end of the queue would hold them in vain (60 s, then they fail)."""
    course, (first, second) = two_assignments
    assert second == ASSIGNMENT
    for sid in ("untouched-2", "untouched-3"):
        shutil.copytree(course / "submitted" / "untouched" / second, course / "submitted" / sid / second)
    record = parallel.record
    FIRST_RECORDED.clear()

    def recording(course, assignment, *args, **kwargs):
        done = record(course, assignment, *args, **kwargs)
        if assignment == first:
            FIRST_RECORDED.set()
        return done

    monkeypatch.setattr(parallel, "record", recording)
    monkeypatch.setattr(parallel, "execute_learners", _held_until_recorded)
    status, _ = parallel.autograde_assignments(course, [first, second], workers=2, progress=False)
    assert FIRST_RECORDED.is_set()
    for a, learners in ((first, {"untouched"}), (second, {"untouched", "untouched-2", "untouched-3"})):
        assert all(st["status"] == outcomes.GRADED for st in status[a].values()) and set(status[a]) == learners, status
        assert set(grading.read_grades(course, a)) == learners, f"{a} was not recorded"


def test_before_the_first_tasks_go_out_every_worker_holds_the_payload_and_attempts_are_watched(
        two_assignments, monkeypatch):
    """Each task needs the assignment's payload, and Dask gives a task to a
    worker that holds what it needs: held by one worker only, the first
    round of tasks would queue there while the other workers wait for
    Dask's work stealing to move them (1-2 s of an idle core at the start
    of every grading run). So every worker holds it before any task of the
    assignment goes out. And the task attempts are watched (the progress
    bar's retried=N) from before the first one: a first attempt announced
    before that would make the bar take a retry for the first attempt
    (seen once in tests/test_faults.py, a worker killed mid-task)."""
    course, (_, second) = two_assignments
    shutil.copytree(course / "submitted" / "untouched", course / "submitted" / "untouched-2")
    happened = []
    with parallel.cluster(workers=2) as client:
        submit, subscribe = client.submit, client.subscribe_topic

        def submitted(fn, *args, **kwargs):
            if fn is parallel.execute_learners:  # args[0]: the payload's future
                happened.append(("task", len(client.who_has([args[0]]).get(args[0].key, ()))))
            return submit(fn, *args, **kwargs)

        def subscribed(topic, handler):
            happened.append(("watched", topic))
            return subscribe(topic, handler)

        monkeypatch.setattr(client, "submit", submitted)
        monkeypatch.setattr(client, "subscribe_topic", subscribed)
        status = parallel.autograde_many([(course, second, None)], client,
                                         {second: parallel.course_payload(course, second)},
                                         progress=False)
    assert [kind for kind, _ in happened] == ["watched", "task", "task"], happened
    assert [held for kind, held in happened if kind == "task"] == [2, 2], \
        f"workers holding the payload as each task went out: {happened}"
    assert all(st["status"] == outcomes.GRADED for st in status[course, second].values()), status


def test_a_course_whose_source_changed_since_it_was_generated_is_graded_on_its_gradebook(two_assignments):
    """An instructor edits source/ after generating the assignment (here
    every test cell passes whatever the answers) and grades without
    generating it again: serial nbgrader autograde runs the test cells its
    gradebook holds, and the workers run the same, their gradebook being the
    course's copy rather than one generated anew from source/. The same
    gradebook both ways: the untouched release scores 0 (the test cells
    generated anew would have given it every test cell's points)."""
    course, (_, second) = two_assignments
    serial = shutil.copytree(course, course.parent / "serial")
    for root in (course, serial):
        for path in (root / "source" / second).glob("*.ipynb"):
            nb = nbs.read(path)
            tests = [cell for cell in nb.cells if nbs.is_test(cell)]
            assert tests, path
            for cell in tests:
                cell.source = "assert True  # edited after the assignment was generated"
            nbformat.write(nb, str(path))
    grading.autograde(serial, second, check=False)
    status, _ = parallel.autograde_parallel(course, second, workers=2, progress=False)
    assert status["untouched"]["status"] == outcomes.GRADED, status
    dumps = [grading.dump_gradebook(grading.db_url_of(root)) for root in (serial, course)]
    assert dumps[0] == dumps[1]
    assert grading.totals(grading.read_grades(course, second)["untouched"])[0] == 0


def test_an_assignment_not_in_the_gradebook_is_reported_before_any_learner_runs(two_assignments, tmp_path):
    """Grading an assignment the course's gradebook does not hold (never
    generated): each of its learners fails with the reason and what to do,
    before any notebook runs (its workers' payload is the gradebook's copy)."""
    course, (first, second) = two_assignments
    bare = grading.copy_course(tmp_path / "bare", root=course)
    grading.generate(bare, first)
    shutil.copytree(course / "submitted", bare / "submitted")
    ran = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(parallel, "execute_learners", lambda *args, **kwargs: ran.append(args))
        status, _ = parallel.autograde_assignments(bare, [second], workers=2, progress=False)
    assert not ran, "a learner of an assignment the gradebook does not hold was run"
    reason = status[second]["untouched"]["reason"]
    assert status[second]["untouched"]["status"] == outcomes.FAILED, status
    assert "not in the gradebook" in reason and f"generate_assignment {second}" in reason, reason


@pytest.mark.parametrize("stage", ["payload", "record"])
def test_an_assignment_that_cannot_be_graded_does_not_stop_the_others(two_assignments, monkeypatch, stage):
    """Its payload for the workers (the copy of its gradebook rows) or its
    record stage fails: each of its learners fails with the reason, and the other
    assignment is graded and recorded."""
    course, (first, second) = two_assignments
    broken = "nbgrader gave up (on purpose)"
    name = {"payload": "course_payload", "record": "record"}[stage]
    real = getattr(parallel, name)

    def fails_for_first(course, assignment, *args, **kwargs):
        if assignment == first:
            raise grading.NbgraderError(broken)
        return real(course, assignment, *args, **kwargs)

    monkeypatch.setattr(parallel, name, fails_for_first)
    status, _ = parallel.autograde_assignments(course, [first, second], workers=2, progress=False)
    assert status[first]["untouched"]["status"] == outcomes.FAILED, status
    assert "assignment could not be graded" in status[first]["untouched"]["reason"], status
    assert broken in status[first]["untouched"]["reason"], status
    assert status[second]["untouched"]["status"] == outcomes.GRADED, status
    assert "untouched" in grading.read_grades(course, second)


def test_a_cluster_that_gives_up_halfway_keeps_the_learners_it_recorded(two_assignments, monkeypatch):
    """Dask gives up after the first task came back (its scheduler lost,
    say): that task's learner is recorded and reported graded, the other
    is reported not graded, with the reason; the run ends, no traceback."""
    import distributed

    course, ids = two_assignments
    real = distributed.as_completed

    class GivesUp:
        """as_completed that loses its scheduler after the first result."""
        def __init__(self, futures):
            self.inner = real(futures)

        def add(self, future):
            self.inner.add(future)

        def count(self):
            return self.inner.count()

        def __iter__(self):
            yield next(iter(self.inner))
            raise OSError("the scheduler at tcp://10.0.0.9:8786 is gone")

    monkeypatch.setattr(distributed, "as_completed", GivesUp)
    status, _ = parallel.autograde_assignments(course, ids, workers=2, progress=False)
    graded = [a for a in ids if status[a]["untouched"]["status"] == outcomes.GRADED]
    assert len(graded) == 1, status
    lost = next(a for a in ids if a not in graded)
    assert "untouched" in grading.read_grades(course, graded[0]), f"{graded[0]} was reported graded, not recorded"
    assert status[lost]["untouched"]["status"] == outcomes.FAILED, status
    assert "Dask cluster gave up" in status[lost]["untouched"]["reason"], status
    assert "tcp://10.0.0.9:8786 is gone" in status[lost]["untouched"]["reason"], status
    assert "untouched" not in grading.read_grades(course, lost), status


def test_a_cluster_that_gives_up_fails_every_learner_with_the_reason(two_assignments, monkeypatch):
    """Dask cannot be had at all (a scheduler that is not there, say):
    `make grade` reports each learner as not graded, with the reason,
    instead of a traceback."""
    course, ids = two_assignments

    def lost(*args, **kwargs):
        raise OSError("Timed out trying to connect to tcp://10.0.0.9:8786")

    monkeypatch.setattr(parallel, "autograde_many", lost)
    status, _ = parallel.autograde_assignments(course, ids, workers=2, progress=False)
    assert {a: sorted(status[a]) for a in ids} == {a: ["untouched"] for a in ids}, status
    for a in ids:
        st = status[a]["untouched"]
        assert st["status"] == outcomes.FAILED and "Timed out trying to connect" in st["reason"], st


def test_a_local_cluster_closes_without_a_traceback():
    """As a local cluster shuts down, distributed logs the comms it finds
    closed at INFO level with their traceback ("Batched Comm Closed"), and
    LocalCluster's own silence_logs ends before its last steps do: now and
    then a grading run printed such a traceback once a class was graded
    (`make benchmark` at 04:54 UTC on 2026-12-06; `make grade` and `make
    demo` grade through the same cluster()). cluster() keeps distributed's output
    at ERROR until the cluster is gone, then puts it back as it was. Run in
    a process of its own: under pytest, distributed's log records go to
    pytest's handlers, not to a terminal."""
    script = textwrap.dedent("""
        import logging
        from distributed.comm.core import CommClosedError
        from distributed.deploy.spec import SpecCluster
        from coursetools import parallel

        closing = SpecCluster._close

        async def close_then_find_a_comm_closed(self):  # as distributed's BatchedSend does, late
            await closing(self)
            try:
                raise CommClosedError("the scheduler is gone")
            except CommClosedError:
                logging.getLogger("distributed.batched").info("Batched Comm Closed %r", "a comm", exc_info=True)

        SpecCluster._close = close_then_find_a_comm_closed
        handlers = logging.getLogger("distributed").handlers
        levels = [h.level for h in handlers]
        with parallel.cluster(workers=1) as client:
            assert client.submit(sum, [1, 2], pure=False).result() == 3
        assert handlers and [h.level for h in handlers] == levels, "distributed's log handlers were left silenced"
        logging.getLogger("distributed").warning("a warning after the cluster")
        print("graded")
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "graded", proc.stdout + proc.stderr
    assert "Batched Comm Closed" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "a warning after the cluster" in proc.stderr, "distributed's output stayed silenced after the cluster"
