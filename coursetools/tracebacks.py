"""IPython's tracebacks in the grading kernel, the same text at a fraction of the CPU.

Every failing cell of a graded notebook gets IPython's rich traceback, and a
graded class has many: an unanswered notebook fails every test cell, a wrong
answer a few. In a kernel that has the course's libraries imported (some
3,400 modules with torch and scikit-learn) a failing cell cost about 0.12 s
of CPU, mostly in two places that redo the same work for every frame:

- `inspect.getmodule` of a frame whose file is no module's (a notebook
  cell's) walks all of `sys.modules` for it, every time (CPython issue
  #92041), and IPython asks a few times per frame. `install` has it search
  for frames, tracebacks and code objects only when `sys.modules` has
  changed since its last search, which would add nothing to the file cache
  it answers from. The first search in a kernel forked from the zygote is
  short too: the zygote has filled that cache for the modules it imported
  (`warm`).
- stack_data highlights each frame's source with a lexer class it defines
  anew for each frame, so pygments prepares Python's token rules again every
  time. `install` gives it one such class, made once.

The traceback text is exactly what IPython prints without these changes
(tests/test_guard.py compares them; tests/test_tracebacks.py checks
getmodule's answers against inspect's). Nothing else in the kernel
changes: a learner's own calls of `inspect.getmodule` get the same answers.
"""
import inspect
import sys
import types

_BY_FILE = (types.FrameType, types.TracebackType, types.CodeType)
_plain_getmodule = inspect.getmodule
# the modules of sys.modules when inspect last searched them all
_searched = {"modules": None}


def getmodule(object, _filename=None):
    """inspect.getmodule, searching sys.modules for a frame's, traceback's or
    code object's file only when sys.modules has changed since its last
    search. (Such objects have no `__module__` or `__name__`: inspect finds
    their module by file only, in the cache its search fills, and a search
    over the same modules adds nothing to that cache.)"""
    if not isinstance(object, _BY_FILE):
        return _plain_getmodule(object, _filename)
    warm()
    # the rest of inspect.getmodule for these objects, without its search
    by_file = inspect.modulesbyfile
    if _filename is not None and _filename in by_file:
        return sys.modules.get(by_file[_filename])
    try:
        file = inspect.getabsfile(object, _filename)
    except (TypeError, FileNotFoundError):
        return None
    return sys.modules.get(by_file[file]) if file in by_file else None


def warm():
    """Have inspect search sys.modules if it has changed (a module came, went
    or was replaced) since the last search: its file cache then maps every
    module imported so far. (The zygote calls it before it forks a kernel,
    which inherits the cache.)"""
    modules = list(sys.modules.values())
    if modules != _searched["modules"]:
        nowhere = "<no module's file>"
        _plain_getmodule(compile("", nowhere, "exec"), nowhere)
        _searched["modules"] = modules


def _pygmented_with_ranges(formatter, code, ranges):
    """stack_data's function of the same name (stack_data/utils.py, 0.6):
    `code` highlighted, the tokens that start in one of `ranges` (the
    executing node) marked as Token.ExecutingNode; with one lexer class for
    every call instead of a new class (and its token rules) per call."""
    import pygments
    from pygments.lexers import get_lexer_by_name

    lexer = _ranges_lexer(type(get_lexer_by_name("python3")))(stripnl=False)
    lexer.executing_ranges = ranges
    try:
        return pygments.highlight(code, lexer, formatter).splitlines()
    except Exception:  # as stack_data: plain code rather than no traceback
        return code.splitlines()


_RANGES_LEXERS = {}


def _ranges_lexer(base):
    if base not in _RANGES_LEXERS:
        class RangesLexer(base):
            executing_ranges = ()

            def get_tokens(self, text):
                length = 0
                for ttype, value in super().get_tokens(text):
                    if any(start <= length < end for start, end in self.executing_ranges):
                        ttype = ttype.ExecutingNode
                    length += len(value)
                    yield ttype, value

        _RANGES_LEXERS[base] = RangesLexer
    return _RANGES_LEXERS[base]


def install():
    """Both changes, in this process (the grading kernel calls it as it starts)."""
    if isinstance(getattr(inspect, "modulesbyfile", None), dict):  # the cache getmodule reads
        inspect.getmodule = getmodule
    core = sys.modules.get("stack_data.core")
    if core is None:
        try:
            import stack_data.core as core
        except ImportError:
            return
    if callable(getattr(core, "_pygmented_with_ranges", None)):
        core._pygmented_with_ranges = _pygmented_with_ranges
