"""Every `make` command of README.md, run as a newcomer runs it: in a fresh
clone of the working tree (tests/newcomer.py), through make, and judged by
what the README promises it leaves behind.

The commands run once, in README order, in one module fixture; each test
reads what its command did. `make test` is the command running this suite;
.ci/run runs it from an empty clone, which also creates .venv (`make venv`).
"""
import csv
import importlib.util
import re
import shutil
import subprocess
import sysconfig
from collections import Counter
from pathlib import Path

import nbformat
import pytest

import newcomer
from conftest import ASSIGNMENTS, LAST, class_db_url, read_source
from coursetools import course_notebooks, demo, grading, notebooks as nbs, release, source_notebooks, submissions

QUICK = "02_metrics" if "02_metrics" in ASSIGNMENTS else ASSIGNMENTS[0]

# Every make command the README names -> the test that runs it.
TESTED = {
    "demo": "test_make_demo",
    "test": "this suite (.ci/run runs `make test` from an empty clone)",
    "grade": "test_make_grade",
    "feedback": "tests/test_exchange.py",
    "release": "test_make_release_changes_nothing",
    "solutions": "test_make_solutions",
    "selfgrade": "test_make_selfgrade",
    "benchmark": "test_make_benchmark",
    "venv": "test_make_venv",
    "site": "tests/test_site.py",
    "clean": "test_make_clean",
    # `nbgrader validate` of the learners' quick start: test_nbgrader_validate_of_the_quick_start
}


def _csv(course):
    with open(course / "reports" / "grades.csv", newline="") as f:
        return list(csv.DictReader(f))


def _grades(rows):
    """(student, assignment) -> (status, auto, manual): what must not change between runs."""
    return {(r["student"], r["assignment"]): (r["status"], r["auto_score"], r["auto_max"], r["manual_max"])
            for r in rows}


@pytest.fixture(scope="module")
def runs(newcomer_course):
    """The README's release, demo and grade commands, run one after another
    in the fresh clone: name -> CompletedProcess, or what it left (report
    rows, git status)."""
    course = newcomer_course
    out = {"course": course}
    # an instructor's shell, their class gradebook elsewhere (conftest.class_db_url)
    out["release"] = newcomer.make(course, "release", env={"COURSE_DB_URL": class_db_url(course)})
    out["release_status"] = newcomer.git_status(course)
    out["demo"] = newcomer.make(course, "demo", env={"COURSE_DB_URL": class_db_url(course)})
    out["demo_rows"] = _csv(course) if (course / "reports" / "grades.csv").exists() else []
    # a learner's answers and notes in release/ (README, For learners): make grade leaves them
    work = _learners_work_in_release(course)
    out["grade"] = newcomer.make(course, "grade", f"A={QUICK}")
    out["grade_rows"] = _csv(course) if out["grade"].returncode == 0 else []
    out["grade_kept_work"] = _files_of(course / "release" / QUICK) == work
    # one learner again (README: a resubmission, a late learner): the others' graded notebooks left alone
    others = {p: p.read_bytes() for sid in demo.DEMO_STUDENTS[1:] for p in (course / "autograded" / sid).rglob("*")
              if p.is_file()}
    out["grade_one"] = newcomer.make(course, "grade", f"A={QUICK}", f"STUDENT={demo.DEMO_STUDENTS[0]}")
    out["grade_one_rows"] = _csv(course) if out["grade_one"].returncode == 0 else []
    out["grade_one_kept_others"] = others == {p: p.read_bytes() for p in others if p.is_file()}
    shutil.rmtree(course / "release" / QUICK)
    subprocess.run(["git", "checkout", "--", "release/"], cwd=course, check=True)
    out["demo2"] = newcomer.make(course, "demo")
    out["demo2_rows"] = _csv(course) if (course / "reports" / "grades.csv").exists() else []
    out["demo_status"] = newcomer.git_status(course)
    return out


def test_every_readme_make_command_has_a_test():
    readme = (newcomer.ROOT / "README.md").read_text()
    makefile = (newcomer.ROOT / "Makefile").read_text()
    named = set(re.findall(r"\bmake (\w+)", readme))
    targets = set(re.findall(r"^(\w+):", makefile, re.M))
    assert named, "the README names no make command"
    assert not named - set(TESTED), f"README commands without a test: {sorted(named - set(TESTED))}"
    assert not targets - named, f"make targets the README does not explain: {sorted(targets - named)}"
    # and each test named is there
    for command, where in TESTED.items():
        if where.startswith("test_"):
            assert callable(globals().get(where)), f"make {command}: no test {where} in this module"
        elif where.startswith("tests/"):
            assert (newcomer.ROOT / where).is_file(), f"make {command}: no {where}"


def test_make_release_changes_nothing(runs):
    proc = runs["release"]
    assert proc.returncode == 0, proc.stdout[-3000:]
    for assignment in ASSIGNMENTS:
        assert f"release/{assignment}:" in proc.stdout
    assert runs["release_status"] == "", f"make release changed the committed release:\n{runs['release_status']}"
    assert not _class_db(runs["course"]).exists(), "make release wrote into the class's gradebook (COURSE_DB_URL)"


def _class_db(course):
    return Path(class_db_url(course).removeprefix("sqlite:///"))


def _files_of(folder):
    return {p: p.read_bytes() for p in Path(folder).rglob("*") if p.is_file()}


def _learners_work_in_release(course):
    """A learner's work in release/QUICK of `course`: a half-done answer,
    JupyterLab's checkpoint of it and a note. Returns the folder's files."""
    folder = course / "release" / QUICK
    mine = folder / source_notebooks(QUICK)[0].name
    nb = nbformat.read(str(mine), as_version=4)
    answer = next(c for c in nb.cells if c.cell_type == "code" and "NotImplementedError" in c.source)
    answer.source = "# my answer, half done\nresult = 42\n"
    nbformat.write(nb, str(mine))
    (folder / ".ipynb_checkpoints").mkdir()
    shutil.copy(mine, folder / ".ipynb_checkpoints" / mine.name.replace(".ipynb", "-checkpoint.ipynb"))
    (folder / "notes.txt").write_text("ask about PR-AUC")
    return _files_of(folder)


def test_make_demo_stops_in_a_course_that_holds_a_class(tmp_path):
    """`make demo` in a course whose instructor has collected a class would
    grade the class again (hand-given scores back to review) and put the demo
    learners into its gradebook, report and feedback: it stops, names the
    learners, and grades nothing. The gradebook's students count too.
    `make clean`, which would delete the class's hand-ins and gradebook,
    stops the same way unless FORCE=1."""
    course = newcomer.clone(tmp_path / "course")
    (course / "submitted" / "alice" / QUICK).mkdir(parents=True)
    (course / "submitted" / "alice" / QUICK / "notes.txt").write_text("a real learner's hand-in")
    proc = newcomer.make(course, "demo")
    assert proc.returncode != 0 and "holds a class" in proc.stdout and "alice" in proc.stdout, proc.stdout[-3000:]
    assert not (course / "gradebook.db").exists() and not (course / "autograded").exists()
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["alice"]
    # make clean stops too: it would delete the class's hand-ins (and gradebook, with hand-given scores)
    proc = newcomer.make(course, "clean")
    assert proc.returncode != 0 and "holds a class" in proc.stdout and "alice" in proc.stdout, proc.stdout[-3000:]
    assert "make clean FORCE=1" in proc.stdout and "rm -rf" not in proc.stdout, proc.stdout[-3000:]
    assert (course / "submitted" / "alice" / QUICK / "notes.txt").is_file()
    # a roster in the gradebook, nobody handed in yet
    shutil.rmtree(course / "submitted")
    assert demo.class_learners(course) == []
    for student in ("bob", demo.DEMO_STUDENTS[0]):
        grading.nbgrader(["db", "student", "add", student], course)
    assert demo.class_learners(course) == ["bob"]
    proc = newcomer.make(course, "clean")
    assert proc.returncode != 0 and "bob" in proc.stdout and (course / "gradebook.db").is_file(), proc.stdout[-3000:]
    proc = newcomer.make(course, "clean", "FORCE=1")
    assert proc.returncode == 0 and not (course / "gradebook.db").exists(), proc.stdout[-3000:]


def test_make_release_and_make_demo_keep_a_learners_work_in_release(tmp_path):
    """Learners work in release/ (README, For learners); `make release` and
    `make demo` regenerate it, and used to delete their answers, JupyterLab's
    checkpoints and notes there without a word. Both stop instead, naming the
    files, and change nothing; an instructor's edit of source/ still goes
    through (what generation makes now is not the learner's work). (`make
    grade` leaves release/ alone: test_make_grade.)"""
    course = newcomer.clone(tmp_path / "course")
    folder = course / "release" / QUICK
    mine = folder / source_notebooks(QUICK)[0].name
    work = _learners_work_in_release(course)
    for command in ("release", "demo"):
        proc = newcomer.make(course, command)
        assert proc.returncode != 0 and "Nothing was changed" in proc.stdout, proc.stdout[-3000:]
        assert f"release/{QUICK}/notes.txt" in proc.stdout and mine.name in proc.stdout, proc.stdout[-3000:]
        assert _files_of(folder) == work, f"make {command} changed the work"
    assert not (course / "submitted").exists() and not (course / "gradebook.db").exists()
    # the instructor's way: the learner's files put back as released, a source notebook edited, make release
    shutil.rmtree(folder)
    subprocess.run(["git", "checkout", "--", "release/"], cwd=course, check=True)
    source = course / "source" / QUICK / mine.name
    source.write_text(source.read_text().replace("## ", "## (edited) ", 1))
    proc = newcomer.make(course, "release")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "(edited)" in mine.read_text()
    # and again, before committing: what the last make release wrote is not a learner's work either
    source.write_text(source.read_text().replace("## (edited) ", "## (edited twice) ", 1))
    proc = newcomer.make(course, "release")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "(edited twice)" in mine.read_text()
    # while an answer written into that release still is
    nb = nbformat.read(str(mine), as_version=4)
    next(c for c in nb.cells if c.cell_type == "code" and "NotImplementedError" in c.source).source = "result = 42\n"
    nbformat.write(nb, str(mine))
    assert release.unsaved_work([QUICK], root=course) == [str(mine.relative_to(course))]


def test_make_demo(runs):
    proc, rows, course = runs["demo"], runs["demo_rows"], runs["course"]
    assert proc.returncode == 0, f"make demo failed:\n{proc.stdout[-6000:]}"
    by = {(r["student"], r["assignment"]): r for r in rows}
    for assignment in ASSIGNMENTS:
        ref = by[("reference-learner", assignment)]
        assert ref["status"] == "graded" and float(ref["auto_score"]) == float(ref["auto_max"]) > 0, ref
        untouched = by[("untouched-release", assignment)]
        assert untouched["status"] == "graded" and float(untouched["auto_score"]) == 0, untouched
        mistakes = by[("learner-with-mistakes", assignment)]
        assert mistakes["status"] == "graded", mistakes
        assert 0 < float(mistakes["auto_score"]) < float(mistakes["auto_max"]), mistakes
        for sid in demo.DEMO_STUDENTS:
            for src in source_notebooks(assignment):
                assert (course / "autograded" / sid / assignment / src.name).is_file()
                assert (course / "feedback" / sid / assignment / src.name.replace(".ipynb", ".html")).is_file()
    broken = by[("learner-broken-upload", ASSIGNMENTS[0])]
    assert broken["status"] == "failed" and "not valid JSON" in broken["reason"], broken
    assert len(rows) == 3 * len(ASSIGNMENTS) + 1
    # the table in the terminal says the same
    table = proc.stdout
    assert re.search(r"^reference-learner\s+\S+\s+(\d+)/\1\s", table, re.M), table[-3000:]
    assert re.search(r"^learner-broken-upload\s+\S+\s+-\s+-\s+FAILED TO GRADE: notebook is not valid JSON",
                     table, re.M), table[-3000:]
    assert "unexpected: 0" in table
    assert (course / "gradebook.db").is_file() and (course / "reports" / "grades.csv").is_file()
    # run in a shell whose COURSE_DB_URL names a class's gradebook: the demo learners stay out of it
    assert "not that database" in table and not _class_db(course).exists()


def test_make_demo_again_gives_the_same_grades(runs):
    assert runs["demo2"].returncode == 0, runs["demo2"].stdout[-6000:]
    assert _grades(runs["demo2_rows"]) == _grades(runs["demo_rows"])
    assert runs["demo_status"] == "", f"make demo left files that git sees:\n{runs['demo_status']}"


def test_make_grade(runs):
    proc = runs["grade"]
    assert proc.returncode == 0, proc.stdout[-6000:]
    assert f"autograde {QUICK}" in proc.stdout, "the progress bar names the assignment"
    # it generates the assignment into the gradebook, not over a learner's work in release/
    assert runs["grade_kept_work"], "make grade changed a learner's work in release/"
    # reports/grades.csv keeps the whole course: the assignments this run did
    # not grade as the demo left them, its broken upload (of another
    # assignment) still failed, not a 0
    assert _grades(runs["grade_rows"]) == _grades(runs["demo_rows"])
    assert QUICK != ASSIGNMENTS[0] and ("learner-broken-upload", ASSIGNMENTS[0]) in _grades(runs["grade_rows"])
    # the table in the terminal is this run's
    table = [line.split() for line in proc.stdout.splitlines() if line.startswith(demo.DEMO_STUDENTS)]
    assert table and {cells[1] for cells in table} == {QUICK}, proc.stdout[-3000:]
    for sid in demo.DEMO_STUDENTS:
        assert (runs["course"] / "feedback" / sid / QUICK).is_dir()


def test_make_grade_of_one_learner(runs):
    """`make grade A=... STUDENT=<id>` (README: a resubmission, a late
    learner once their answers are graded) grades that learner alone: the
    terminal's table is theirs, the others' graded notebooks are as they
    were, and the report still holds the whole course with the same grades."""
    proc, one = runs["grade_one"], demo.DEMO_STUDENTS[0]
    assert proc.returncode == 0, proc.stdout[-6000:]
    table = [line.split() for line in proc.stdout.splitlines() if line.startswith(demo.DEMO_STUDENTS)]
    assert [(cells[0], cells[1]) for cells in table] == [(one, QUICK)], proc.stdout[-3000:]
    assert runs["grade_one_kept_others"], "grading one learner changed the others' autograded notebooks"
    assert _grades(runs["grade_one_rows"]) == _grades(runs["demo_rows"])


def test_make_solutions(newcomer_solutions):
    proc, out = newcomer_solutions
    assert proc.returncode == 0, proc.stdout[-3000:]
    index = (out / "html" / "index.html").read_text()
    for assignment in ASSIGNMENTS:
        for src in source_notebooks(assignment):
            nb = nbs.read(out / assignment / src.name)
            assert any(c.get("outputs") for c in nb.cells), f"{assignment}/{src.name} is not executed"
            assert f"{assignment}/{src.stem}.html" in index
            # the page says what it is and leads back; the exercise's hand-in header is not a solution's
            page = (out / "html" / assignment / f"{src.stem}.html").read_text()
            assert re.search(r"<title>Worked solution: [^<]+</title>", page), f"{assignment}/{src.stem}: its title"
            assert "This is the worked solution." in page and 'href="../index.html"' in page
            fetched = re.findall(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?(https?:[^"'\s>]+)""", page)
            assert not fetched, f"{assignment}/{src.stem}: read offline, it fetches {fetched}"
            assert "Write your answers in the cells" not in page and "COLLABORATORS" not in page, \
                f"{assignment}/{src.stem}: the hand-in header"
        # in course order, as the README's table and the website list them (not by name)
        where = [index.index(f"{assignment}/{p.stem}.html") for p in course_notebooks(assignment)]
        assert where == sorted(where), f"{assignment}'s notebooks out of course order in the index"
    assert not _class_db(out.parent).exists(), "make solutions wrote into the class's gradebook (COURSE_DB_URL)"


def test_make_selfgrade(newcomer_course, tmp_path):
    course = newcomer_course
    untouched = newcomer.make(course, "selfgrade", f"A={QUICK}")
    assert untouched.returncode == 0, untouched.stdout[-3000:]
    assert re.search(r"autograded total: 0/(\d+)", untouched.stdout), untouched.stdout[-3000:]
    # said before the wait, which a cell run to its time limit can make long
    assert re.search(r"grading your notebooks of \S+ from .* past the time limit \(\d+ s\)", untouched.stdout)
    assert "FAIL" in untouched.stdout and "NotImplementedError" in untouched.stdout
    assert list((course / "selfgrade" / QUICK).glob("*.html")), "a feedback page is written"
    mine = tmp_path / "My Notebooks"  # a folder name with a space: make passes FROM as one argument
    mine.mkdir()
    for src in source_notebooks(QUICK):
        ref = submissions.reference(nbs.read(course / "release" / QUICK / src.name), read_source(QUICK, src.name))
        nbformat.write(ref, str(mine / src.name))
    full = newcomer.make(course, "selfgrade", f"A={QUICK}", f"FROM={mine}")
    assert full.returncode == 0, full.stdout[-3000:]
    got = re.search(r"autograded total: (\d+)/(\d+)", full.stdout)
    assert got and got.group(1) == got.group(2) != "0", full.stdout[-3000:]
    pages = re.search(r"feedback pages?: (.+)", full.stdout)
    assert pages and all(Path(p).is_file() and p.endswith(".html") for p in pages.group(1).split(", ")), \
        full.stdout[-3000:]
    # then a notebook cut in half: no grades, and no page of the run before left to show full marks
    broken = tmp_path / "broken"
    broken.mkdir()
    for src in source_notebooks(QUICK):
        text = (mine / src.name).read_text()
        (broken / src.name).write_text(text[: len(text) // 2])
    cut = newcomer.make(course, "selfgrade", f"A={QUICK}", f"FROM={broken}")
    assert cut.returncode != 0 and "could not be graded: notebook is not valid JSON" in cut.stdout, cut.stdout[-3000:]
    assert "autograded total" not in cut.stdout
    assert not (course / "selfgrade" / QUICK).exists(), "the full-marks page of the run before was left"


def test_make_benchmark(newcomer_course):
    proc = newcomer.make(newcomer_course, "benchmark", "QUICK=1", f"A={QUICK}",
                         env={"COURSE_DB_URL": class_db_url(newcomer_course)})
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert not _class_db(newcomer_course).exists(), "make benchmark wrote into the class's gradebook (COURSE_DB_URL)"
    from coursetools.benchmark import processor
    # every figure below is this processor's (the same 2 cores have run 40% slower on another)
    assert re.search(rf"^# Benchmark \d{{4}}-\d\d-\d\d on {re.escape(processor())} \(\w+\), \d+ cores, Python ",
                     proc.stdout, re.M), proc.stdout[:500]
    for heading in ("## 1.", "## 2.", "## 3."):
        assert heading in proc.stdout
    # section 1 is the notebooks' times and nothing else (its plain kernels
    # once printed ipykernel's warning about TCP without encryption each)
    section1 = proc.stdout.split("## 1.", 1)[1].split("## 2.", 1)[0].strip().splitlines()[1:]
    assert section1 and all(re.fullmatch(r"\S+ +\d+\.\d s", line) for line in section1 if line), section1
    assert re.search(r"overhead x\d+\.\d+", proc.stdout)
    # the class graded serial, parallel, parallel, serial: four runs, one speedup over all and one per pair
    runs = re.findall(r"^(\d)\. (serial|parallel) +\d+\.\d s .* cores busy \d\.\d\d$", proc.stdout, re.M)
    assert runs == [("1", "serial"), ("2", "parallel"), ("3", "parallel"), ("4", "serial")], proc.stdout[-3000:]
    assert re.search(r"speedup x\d\.\d\d \(.*runs 1-2 alone x\d\.\d\d, runs 3-4 alone x\d\.\d\d\); "
                     r"identical gradebooks: True", proc.stdout), proc.stdout[-3000:]
    assert re.search(r"^drift: the serial runs \d+\.\d and \d+\.\d s \(\d+% apart\), the parallel runs "
                     r"\d+\.\d and \d+\.\d s \(\d+% apart\)\. (Within|More than) 5%", proc.stdout, re.M), \
        proc.stdout[-3000:]
    budget = re.search(r"^budget: x(\d\.\d\d) = x(\d\.\d\d) for the busier cores \(\d\.\d\d against \d\.\d\d\) "
                       r"times x(\d\.\d\d) for the CPU \(parallel spent \d+\.\d CPU-s against serial's \d+\.\d: "
                       r"\d+% (more|less)\); at serial's CPU it would read x\2$", proc.stdout, re.M)
    assert budget, proc.stdout[-3000:]
    speedup = re.search(r"^speedup x(\d\.\d\d) ", proc.stdout, re.M).group(1)
    assert budget.group(1) == speedup, (budget.group(0), speedup)
    # the benchmark keeps its work folder for a look at what it graded; the suite does not
    kept = re.search(r"^\(work folder: (.+)\)$", proc.stdout, re.M)
    assert kept and Path(kept.group(1)).is_dir(), proc.stdout[-3000:]
    shutil.rmtree(kept.group(1))


def test_benchmark_tells_when_the_machine_drifted():
    """Section 3 times each kind of run twice: how far apart the two are is
    the machine's drift, which decides whether its speedup can be quoted."""
    from coursetools.benchmark import drift_line
    steady = drift_line({"serial": [100.0, 104.0], "parallel": [55.0, 54.0]})
    assert steady == ("drift: the serial runs 100.0 and 104.0 s (4% apart), the parallel runs 55.0 and 54.0 s "
                      "(2% apart). Within 5%: the machine held steady."), steady
    # one side drifting is enough (2026-12-02, 11:24 UTC: x1.80 where 11:13 gave x1.96)
    drifted = drift_line({"serial": [210.7, 254.4], "parallel": [126.6, 131.7]})
    assert "(21% apart)" in drifted and "(4% apart)" in drifted, drifted
    assert drifted.endswith("More than 5% apart: the machine's speed changed during the runs; "
                            "measure again before quoting the speedup."), drifted
    assert "More than 5%" in drift_line({"serial": [100.0, 100.0], "parallel": [50.0, 53.0]})
    assert drift_line({"serial": [100.0], "parallel": [50.0]}) == "drift: not measured (each kind ran once)"


def test_benchmark_takes_the_speedup_apart():
    """Section 3's speedup is how much busier parallel kept the cores times
    how much less CPU it spent than serial: the budget line says which of
    the two stands between the class and x1.9."""
    from coursetools.benchmark import budget_line
    # make benchmark at 22:26 UTC on 2026-12-04 (AMD EPYC): serial, parallel, parallel, serial
    seconds = {"serial": [87.6, 84.9], "parallel": [49.6, 48.6]}
    line = budget_line(seconds, {"serial": [89.0, 86.2], "parallel": [95.5, 93.3]})
    assert line == ("budget: x1.76 = x1.89 for the busier cores (1.92 against 1.02) times x0.93 for the CPU "
                    "(parallel spent 188.8 CPU-s against serial's 175.2: 8% more); at serial's CPU it would "
                    "read x1.89"), line
    # the two ratios multiply to the speedup whatever the figures
    fast = budget_line({"serial": [100.0, 100.0], "parallel": [40.0, 60.0]},
                       {"serial": [100.0, 100.0], "parallel": [76.0, 114.0]})
    assert fast.startswith("budget: x2.00 = x1.90 for the busier cores (1.90 against 1.00) times x1.05 "), fast
    assert "(parallel spent 190.0 CPU-s against serial's 200.0: 5% less)" in fast, fast
    assert budget_line(seconds, {"serial": [None, None], "parallel": [None, None]}) == \
        "budget: not measured (no CPU time of the whole machine here)"


def _timing_record(path, **figures):
    """A suite timing record as tests/conftest.py writes it, with `figures`
    added, written to `path`; returns `path`."""
    import json
    record = {"date": "2026-12-03 04:27", "machine": "x86_64", "cores": 2, "wall_seconds": 726.5,
              "cpu_seconds": 563.0, "machine_cpu_seconds": 1345.0, "passed": 544, "failed": 0, "errors": 0,
              "exit_status": 0, "whole_suite": True, **figures}
    path.write_text(json.dumps(record))
    return path


def test_benchmark_shows_how_long_a_test_worker_sat_idle(tmp_path):
    """Section 4 says when each pytest-xdist worker ran its last test
    (tests/conftest.py records it): the end of the run with one core idle."""
    from coursetools.benchmark import suite_timing
    path = _timing_record(tmp_path / "timing.json")
    assert "idle" not in suite_timing(path)  # a record from before the workers were timed
    _timing_record(path, workers_last_test_ended={"gw0": 700.2, "gw1": 650.4})
    assert suite_timing(path).endswith("pytest-xdist workers' last tests ended at gw0 700 s, gw1 650 s: "
                                       "one worker idle for the last 50 s"), suite_timing(path)


def test_benchmark_names_the_processor_of_the_suite_s_record(tmp_path):
    """Section 4 reads the last record `make test` left in this checkout:
    it names the processor the suite ran on, and says so when that is not
    this machine's (a record from another CI machine is not a figure of
    this one)."""
    from coursetools.benchmark import processor, suite_timing
    here = processor()
    assert isinstance(here, str) and here.strip(), here
    path = _timing_record(tmp_path / "timing.json")
    assert suite_timing(path).startswith("2026-12-03 04:27: 544 passed"), suite_timing(path)  # older records
    _timing_record(path, processor=here)
    assert suite_timing(path).startswith(f"2026-12-03 04:27 on {here}: 544 passed"), suite_timing(path)
    _timing_record(path, processor="Another CPU 9000")
    assert suite_timing(path).startswith(
        f"2026-12-03 04:27 on Another CPU 9000 (another machine: this one is {here}): 544 passed"), suite_timing(path)


def test_benchmark_shows_which_modules_ran_while_the_cores_sat_idle(tmp_path):
    """The suite samples the machine's busy time every second (conftest.py);
    each interval's idle core-seconds go to the modules that ran in it, in
    proportion to how long each ran there, and section 4 names the largest."""
    from coursetools.benchmark import BETWEEN_TESTS, idle_while, suite_timing
    # 2 cores, busy 2.0, 1.0, 0.5 and 0.0 core-seconds in four one-second
    # intervals: idle 0, 1, 1.5 and 2 core-seconds
    samples = [(100.0, 0.0), (101.0, 2.0), (102.0, 3.0), (103.0, 3.5), (104.0, 3.5)]
    spans = [("test_a.py", 100.0, 102.5),    # seconds 1 and 2, half of 3
             ("test_b.py", 101.5, 102.0),    # half of second 2
             ("test_b.py", 102.0, 103.0)]    # second 3; nothing runs in second 4
    idle = idle_while(samples, spans, cores=2)
    # second 2: test_a ran 1 s, test_b 0.5 s; second 3: 0.5 s and 1 s
    assert idle == pytest.approx({"test_a.py": 1 * 2 / 3 + 1.5 / 3, "test_b.py": 1 / 3 + 1.5 * 2 / 3,
                                  BETWEEN_TESTS: 2.0})
    assert sum(idle.values()) == pytest.approx(2 * 4 - 3.5)  # all the idle time, once
    path = _timing_record(tmp_path / "timing.json")
    assert "cores idle" not in suite_timing(path)  # a record from before the cores were sampled
    _timing_record(path, idle_core_seconds_while={
        "test_browser.py": 40.2, "test_a.py": 3.0, "test_hostile.py": 25.6, BETWEEN_TESTS: 4.0, "test_c.py": 0.3})
    assert suite_timing(path).endswith("cores idle 73 core-s in all: 40 while test_browser.py ran, "
                                       "26 while test_hostile.py ran, 4 between tests, 3 while test_a.py ran"), \
        suite_timing(path)


def test_make_test_ends_on_the_short_modules(request):
    """`make test` hands out the modules in collection order, which
    tests/conftest.py sets: the most tests first, as xdist would, and the
    short modules of conftest.LAST at the end."""
    assert "--no-loadscope-reorder" in (newcomer.ROOT / "Makefile").read_text()
    assert all((newcomer.ROOT / "tests" / name).is_file() for name in LAST), LAST
    count = Counter(item.path.name for item in request.session.items)
    modules = list(count)  # in the order the session runs them
    first = [m for m in modules if m not in LAST]
    assert modules == first + [m for m in modules if m in LAST], modules
    assert [count[m] for m in first] == sorted((count[m] for m in first), reverse=True), count


def test_make_venv(newcomer_course):
    """With requirements.txt newer than the install, `make venv` installs again."""
    course = newcomer_course
    (course / "requirements.txt").touch()
    proc = newcomer.make(course, "venv")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "pip install" in proc.stdout
    stamp = course / ".venv" / ".installed"
    assert stamp.stat().st_mtime >= (course / "requirements.txt").stat().st_mtime
    check = grading.run_python(["-m", "pip", "check"])
    assert "No broken requirements" in check.stdout
    again = newcomer.make(course, "venv")
    assert "pip install" not in again.stdout, "an installed environment is not installed again"
    # pip installs without compiling and make compiles on every core: every
    # module that compiles under this Python has its bytecode (a sandboxed
    # kernel cannot write it, and would compile the module at every import)
    site = Path(sysconfig.get_path("purelib"))  # the newcomer's .venv is this environment
    uncompiled = []
    for path in site.rglob("*.py"):
        if Path(importlib.util.cache_from_source(path)).is_file():
            continue
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError:  # not Python 3.11 (pip leaves these without bytecode too)
            continue
        uncompiled.append(str(path))
        if len(uncompiled) == 5:
            break
    assert not uncompiled, f"modules that compile but have no bytecode: {uncompiled}"


def test_nbgrader_validate_of_the_quick_start(newcomer_course):
    """Step 4 of the learners' quick start, on the untouched release: the
    validator runs the notebook and names the failing tests."""
    proc = subprocess.run([str(newcomer_course / ".venv" / "bin" / "nbgrader"), "validate",
                           f"release/{QUICK}/" + source_notebooks(QUICK)[0].name],
                          cwd=newcomer_course, capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    assert "NotImplementedError" in out and "failed" in out.lower(), out[-3000:]
    assert "Success! Your notebook passes all the tests" not in out


# Last in this module: it removes what the commands above left in the clone.
GRADING_OUTPUT = ("submitted", "autograded", "feedback", "gradebook.db", "reports", "selfgrade")


def test_make_clean(runs):
    """`make clean` (README, For instructors: before a real class) removes
    the demo's learners and everything grading wrote, and nothing of the
    course itself."""
    course = runs["course"]
    left = [name for name in GRADING_OUTPUT if (course / name).exists()]
    assert set(left) >= {"submitted", "autograded", "feedback", "gradebook.db", "reports"}, left
    assert list(course.glob("autograde-*.log")), "grading wrote no autograde log in the course folder"
    # learners' data of nbgrader's own commands: `nbgrader export`'s table, zip_collect's downloads
    (course / "grades.csv").write_text("student_id,score\n")
    (course / "downloaded" / QUICK / "archive").mkdir(parents=True)
    (course / "downloaded" / QUICK / "archive" / "alice_attempt.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    assert newcomer.git_status(course) == "", "git would offer learners' data to commit"
    proc = newcomer.make(course, "clean")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert not [name for name in GRADING_OUTPUT if (course / name).exists()], "make clean left grading output"
    assert not list(course.glob("autograde-*.log")), "make clean left the autograde logs"
    assert not (course / "grades.csv").exists(), "make clean left nbgrader export's grades.csv"
    assert (course / "downloaded" / QUICK / "archive" / "alice_attempt.zip").is_file(), \
        "make clean removed the instructor's downloads (their input, not grading's output)"
    shutil.rmtree(course / "downloaded")
    assert newcomer.git_status(course) == "", "make clean removed part of the course"
    assert all((course / "release" / a).is_dir() and (course / "source" / a).is_dir() for a in ASSIGNMENTS)
