"""coursetools/tracebacks.py: the grading kernel's inspect.getmodule gives
inspect's answers, for the objects it answers without searching and for
the others, before and after modules come and go. (That the tracebacks of
failing cells read as a plain kernel's is tests/test_guard.py's.)

The scenario runs in a process of its own: nothing else there looks up
modules with inspect, whose search would prepare the answers checked."""
import importlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from coursetools import ROOT

TESTS = Path(__file__).resolve().parent


def _raised(call):
    try:
        call()
    except Exception as error:  # noqa: BLE001 - any error: its traceback is the point
        return error.__traceback__
    raise AssertionError("the call should raise")


def _objects(extra=()):
    """Objects IPython's traceback formatter and a learner could ask about,
    by name: frames, tracebacks and code objects of a module's file and of
    a file no module has, and objects getmodule finds by other means."""
    tb = _raised(lambda: json.loads("{"))
    cell = compile("def f():\n    return sys._getframe()\n", "<cell that is no module's>", "exec")
    namespace = {"sys": sys}
    exec(cell, namespace)
    out = {"traceback into a module": tb, "module frame": tb.tb_next.tb_frame,
           "module code": json.loads.__code__, "cell code": cell, "cell frame": namespace["f"](),
           "function": json.loads, "class": json.JSONDecoder, "module": json, "builtin": len,
           "object without a module": object()}
    out.update(extra)
    return out


def _compare(objects):
    """["name, _filename: ours != inspect's"] where they differ. Ours are
    asked first, all of them: inspect's own search fills the cache ours
    answer from, so it must not come before."""
    from coursetools import tracebacks
    asked = [(name, obj, filename) for name, obj in objects.items()
             for filename in (None, getattr(getattr(obj, "f_code", obj), "co_filename", None))]
    ours = [tracebacks.getmodule(obj, filename) for _name, obj, filename in asked]
    plain = [tracebacks._plain_getmodule(obj, filename) for _name, obj, filename in asked]
    return [f"{name}, {filename}: {a} != {b}" for (name, _obj, filename), a, b in zip(asked, ours, plain)
            if a is not b]


def scenario(folder):
    """The differences at each step: {step: [difference]}, with tracebacks
    installed as in the grading kernel (inspect's own functions call its
    getmodule)."""
    from coursetools import tracebacks
    tracebacks.install()
    steps = {"libraries imported": _compare(_objects())}
    # a module imported from a file after the first search, with a code object
    # compiled for its file before it was imported
    source = "def boom():\n    return 1 / 0\n"
    path = Path(folder) / "course_tb_probe.py"
    path.write_text(source)
    early = compile(source, str(path), "exec")
    steps["a file no module has yet"] = _compare(_objects({"code of a file before its module": early}))
    sys.path.insert(0, str(folder))
    probe = importlib.import_module("course_tb_probe")
    tb = _raised(probe.boom)
    found = {"new module's frame": tb.tb_next.tb_frame, "new module's traceback": tb.tb_next,
             "code of a file before its module": early}
    steps["its module imported"] = _compare(_objects(found))
    if tracebacks.getmodule(tb.tb_next.tb_frame) is not probe:
        steps["its module imported"].append("the new module is not found by its file")
    # another module, from another file, under its name (as many modules as before)
    other = Path(folder) / "course_tb_other.py"
    other.write_text("def boom():\n    return {}['missing']\n")
    spec = importlib.util.spec_from_file_location("course_tb_probe", other)
    replacement = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(replacement)
    sys.modules["course_tb_probe"] = replacement
    tb = _raised(replacement.boom)
    found.update({"replacement's frame": tb.tb_next.tb_frame, "replacement's code": replacement.boom.__code__})
    steps["its module replaced"] = _compare(_objects(found))
    del sys.modules["course_tb_probe"]
    steps["its module gone"] = _compare(_objects({"code of a module that is gone": early}))
    return steps


def test_getmodule_answers_as_inspect_does_while_modules_come_and_go(tmp_path):
    code = ("import json, sys; sys.path[:0] = sys.argv[1:3]; import test_tracebacks; "
            "print(json.dumps(test_tracebacks.scenario(sys.argv[3])))")
    proc = subprocess.run([sys.executable, "-c", code, str(TESTS), str(ROOT), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    steps = json.loads(proc.stdout.splitlines()[-1])
    assert len(steps) == 5 and not any(steps.values()), steps
