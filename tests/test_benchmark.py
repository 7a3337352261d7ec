"""`make benchmark`'s account of where the last test run's kernels spent
their time (section 4): the notebooks that run executed, read from its
temporary folder. The command itself and section 4's other figures are
tested in test_readme.py; this short module is one of conftest.LAST, so
`make test` hands out the long modules in the same order as before it."""
import shutil

import nbformat

from test_readme import _timing_record


def _executed(path, cells):
    """Write an executed notebook to `path`: a markdown cell, then a code cell
    per (grade id or None, start second, seconds), with the timestamps
    nbclient writes into each cell it runs."""
    from datetime import datetime, timedelta
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# A lesson"))
    at = datetime(2026, 12, 4, 18, 0, 0)
    for grade_id, start, seconds in cells:
        cell = nbformat.v4.new_code_cell("pass")
        if grade_id:
            cell.metadata["nbgrader"] = {"grade_id": grade_id, "grade": True, "points": 1}
        busy, idle = at + timedelta(seconds=start), at + timedelta(seconds=start + seconds)
        cell.metadata["execution"] = {"iopub.status.busy": busy.isoformat() + "Z",
                                      "iopub.status.idle": idle.isoformat() + "Z"}
        nb.cells.append(cell)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def test_benchmark_shows_where_the_kernels_time_went(tmp_path):
    """Section 4 reads the notebooks the last run executed in its temporary
    folder (conftest.py records which): each cell's time, from nbclient's
    timestamps, summed by notebook and by cell; a copy of an executed
    notebook counts once, a broken upload or a notebook never run not at all."""
    from coursetools.benchmark import suite_timing
    run = tmp_path / "pytest-7"
    graded = _executed(run / "popen-gw0" / "class" / "autograded" / "ada" / "02" / "metrics.ipynb",
                       [(None, 1, 0.5), ("test_x", 2, 10.0)])
    shutil.copy(graded, run / "popen-gw0" / "class" / "metrics.ipynb")
    _executed(run / "popen-gw1" / "other" / "autograded" / "bo" / "02" / "metrics.ipynb",
              [(None, 20, 0.25), ("test_x", 21, 3.0)])
    _executed(run / "popen-gw1" / "solutions" / "kmeans.ipynb", [("plot", 30, 2.0)])
    (run / "popen-gw0" / "class" / "submitted" / "cy" / "02").mkdir(parents=True)
    (run / "popen-gw0" / "class" / "submitted" / "cy" / "02" / "metrics.ipynb").write_text('{"cells": [')
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")]),
                   str(run / "popen-gw0" / "class" / "release.ipynb"))
    path = _timing_record(tmp_path / "timing.json")
    assert "cell time" not in suite_timing(path)  # a record from before the runs' folders were recorded
    _timing_record(path, basetemp=str(run))
    assert suite_timing(path).endswith(
        "its kernels' cell time (wall, waiting included) in the 3 notebooks it executed: 16 s; "
        "most in metrics.ipynb 14 s (2 runs), kmeans.ipynb 2 s (1 run)\n"
        "the cells with the most: metrics.ipynb test_x 13 s (2 runs), kmeans.ipynb plot 2 s (1 run), "
        "metrics.ipynb cell 1 1 s (2 runs)"), suite_timing(path)
    shutil.rmtree(run)
    assert suite_timing(path).endswith(f"the notebooks it executed are gone: {run} no longer exists "
                                       "(pytest keeps its last three runs')"), suite_timing(path)


def test_section_4_reads_past_a_fifo_or_a_link_in_a_notebook_s_name(tmp_path):
    """The hostile learners of test_hostile.py leave a FIFO named zz.ipynb
    (and links) in the run's folder: opening the FIFO blocks until someone
    writes to it, and `make benchmark` after `make test` hung in section 4.
    Only regular files are read; a link counts as no notebook."""
    import os
    import threading
    from coursetools.benchmark import cell_seconds
    run = tmp_path / "pytest-8"
    graded = _executed(run / "popen-gw0" / "class" / "metrics.ipynb", [("test_x", 2, 10.0)])
    os.mkfifo(run / "popen-gw0" / "class" / "zz.ipynb")
    os.symlink(graded, run / "popen-gw0" / "linked.ipynb")
    found = []
    reader = threading.Thread(target=lambda: found.append(cell_seconds(run)), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # let the blocked open() go before failing
        fd = os.open(run / "popen-gw0" / "class" / "zz.ipynb", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    assert found, "cell_seconds blocked on the FIFO"
    assert found[0]["notebooks"] == 1 and found[0]["by_notebook"] == {"metrics.ipynb": [10.0, 1]}, found
