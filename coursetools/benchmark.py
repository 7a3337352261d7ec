"""Benchmark of the course on this machine (prints figures; not a test).

    python -m coursetools.benchmark [--class-size N] [--assignment A]   (or: make benchmark)

Prints, for the pinned environment:
1. each reference notebook's plain execution time (nbclient, fresh kernel);
2. the time to autograde one complete submission (every assignment) against
   plain execution of the same notebooks: nbgrader's overhead ratio;
3. the time to autograde a class of N synthetic submissions of one
   assignment serially (one `nbgrader autograde`) against the course's
   parallel grading (coursetools.grading.grade_class, one course copy per
   worker), with the speedup and a check that both give identical grades.
"""
import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from . import ROOT, assignments, grading, notebooks as nbs, source_notebooks, submissions


def execute_seconds(nb_path):
    nb = nbformat.read(str(nb_path), as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                   resources={"metadata": {"path": str(Path(nb_path).parent)}}).execute()
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--class-size", type=int, default=20)
    parser.add_argument("--assignment", default=None, help="assignment of the class benchmark (default: the first)")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    print(f"# Benchmark {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    tmp = Path(tempfile.mkdtemp(prefix="course-bench-"))

    print("\n## 1. Reference notebooks, plain execution")
    plain = {}
    for a in assignments():
        for src in source_notebooks(a):
            plain[(a, src.name)] = execute_seconds(src)
            print(f"{a}/{src.name:<28} {plain[(a, src.name)]:6.1f} s")
    print(f"{'whole course':<40} {sum(plain.values()):6.1f} s")

    print("\n## 2. One complete submission: autograde vs plain execution")
    course = grading.copy_course(tmp / "one")
    for a in assignments():
        grading.generate(course, a)
        ref = {src.name: submissions.reference(nbs.read(course / "release" / a / src.name), nbs.read(src))
               for src in source_notebooks(a)}
        submissions.write_submission(course, "reference", a, ref)
    start = time.perf_counter()
    for a in assignments():
        grading.autograde(course, a)
    auto = time.perf_counter() - start
    print(f"autograde {auto:6.1f} s, plain {sum(plain.values()):6.1f} s, overhead x{auto / sum(plain.values()):.2f}")

    assignment = args.assignment or assignments()[0]
    print(f"\n## 3. A class of {args.class_size} submissions of {assignment}: serial vs parallel")
    base = grading.copy_course(tmp / "gen")
    grading.generate(base, assignment)
    pool = submissions.class_for(base, assignment)
    names = sorted(pool)
    students = {f"learner{i:03d}": pool[names[i % len(names)]] for i in range(args.class_size)}
    serial_course = grading.copy_course(tmp / "serial")
    grading.generate(serial_course, assignment)
    for sid, nbs_by_name in students.items():
        submissions.write_submission(serial_course, sid, assignment, nbs_by_name)
    start = time.perf_counter()
    grading.autograde(serial_course, assignment, check=False)
    serial = time.perf_counter() - start
    serial_grades = grading.read_grades(serial_course, assignment)
    parallel_grades, _, parallel = grading.grade_class(assignment, students, tmp / "parallel")
    same = serial_grades == {k: v for k, v in parallel_grades.items() if v is not None}
    print(f"serial nbgrader autograde {serial:6.1f} s; parallel ({os.cpu_count()} workers) {parallel:6.1f} s; "
          f"speedup x{serial / parallel:.2f}; identical grades: {same}")
    print(f"\n(work folder: {tmp})")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
