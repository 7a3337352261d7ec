"""requirements.txt (pip) and environment.yml (conda) pin the same packages."""
import re

from conftest import ROOT


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\]]+)\s*==?\s*([A-Za-z0-9_.+\-]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_requirements_are_pinned():
    lines = [l.split("#", 1)[0].strip() for l in (ROOT / "requirements.txt").read_text().splitlines()]
    lines = [l for l in lines if l and not l.startswith("-")]
    assert lines and all("==" in l for l in lines), f"unpinned requirements: {[l for l in lines if '==' not in l]}"
    assert _pins(lines)["torch"] == "2.13.0", "torch is pinned to 2.13.0 (the CPU wheel these machines carry)"


def test_environment_yml_matches_requirements():
    req = _pins((ROOT / "requirements.txt").read_text().splitlines())
    text = (ROOT / "environment.yml").read_text()
    assert "pip:" in text, "environment.yml installs the pinned packages with pip"
    env_lines = text.split("pip:", 1)[1].splitlines()
    env = _pins(env_lines)
    assert env == req, (f"environment.yml and requirements.txt disagree: only in yml {sorted(set(env.items()) - set(req.items()))}, "
                        f"only in requirements {sorted(set(req.items()) - set(env.items()))}")
    python = re.search(r"python\s*=\s*([0-9.]+)", text)
    assert python and python.group(1).startswith("3.11"), "environment.yml pins Python 3.11, the version CI runs"
