"""`python -m coursetools.check` (CONTRIBUTING.md, Checking your work)
answers a mistyped command with one line, before grading anything: an
unknown assignment, an --only that is not a regular expression, or one that
matches nobody (which used to grade no one and report "0 problems", so a
typo passed the check)."""
import pytest

from conftest import ASSIGNMENTS
from coursetools import check


@pytest.mark.parametrize("argv, said", [
    (["01_baselin"], "no assignment '01_baselin'; the course has " + ", ".join(ASSIGNMENTS)),
    ([ASSIGNMENTS[0], "--only", "("], "--only '(' is not a regular expression"),
    ([ASSIGNMENTS[0], "--only", "no-such-learner"], "--only 'no-such-learner' matches none of the"),
])
def test_a_mistyped_check_says_so(argv, said, capsys):
    with pytest.raises(SystemExit) as exit:
        check.main(argv)
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err, err
