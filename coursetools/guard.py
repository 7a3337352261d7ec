"""The grading kernel: a learner's cell cannot blind the cells after it.

nbgrader runs the learner's cells and the test cells in one IPython kernel,
and decides that a test cell passed when the kernel reports no error. A cell
of the learner's can change how the kernel runs every later cell: register
an input transformer or an AST transformer that empties the test cells,
replace the shell's `run_cell` with one that swallows errors, install a
custom exception handler or a silent traceback printer, or patch builtins
and library functions the checks rely on (`abs`, `math.isclose`,
`numpy.allclose`, `numpy.testing`), or set a trace function that runs
inside every later cell.

This kernel (ipykernel's, with a few changes) puts all of that back before
it runs each cell: the shell's transformers, event callbacks and exception
handlers, every method of the shell, the kernel and their classes, the
kernel's message handlers, `sys` hooks and streams, the trace and profile
functions, and the original
functions of `builtins`, `math`, `operator`, `numpy`, `numpy.testing` and
`numpy.linalg` (and, in a notebook that imports torch, of `torch`,
`torch.nn.functional`, `torch.Tensor` and `torch.nn.Module`: see
`extra_guarded`), as they were when the kernel started. A learner's cell runs
as usual; it just cannot reach into the next one. Nothing of the learner's
own variables is touched.

Five more changes:
- the notebook gets its own copy of the `builtins` module, so patching
  builtins changes the copy, not the functions ipykernel itself runs on;
- a cell after which one of those module functions is replaced fails with
  GradingGuardError, even when the replacement came from a learner's
  function that a test cell called: its checks may have used it;
- a cell's error is kept for IPython's history in Python's plain format
  (`_exception_for_history`); its output is IPython's as usual;
- that output, IPython's rich traceback, costs a fraction of its usual CPU
  (coursetools/tracebacks.py), with the same text;
- what the notebook writes to stderr reaches the cell's output as stdout
  (`_stderr_as_stdout`), and a warning goes to the cell's stdout, with
  its usual text, in order with what the cell prints
  (`_warning_on_stdout`): nbgrader fails a test cell that writes to
  stderr, which cost a correct answer the cell's points with every check
  passed whenever it made a library warn (scikit-learn's FutureWarning,
  numpy's 0/0 RuntimeWarning inside an `np.where`, pandas' deprecation
  notices, torch's UserWarning), showed a progress bar (tqdm writes to
  stderr) or logged (`logging`'s default handler writes to stderr). The
  text stays in the cell's output; `nbgrader validate` and autograde
  agree.

nbgrader_config.py starts it for every notebook it executes:
    c.Execute.extra_arguments = ["--IPKernelApp.kernel_class=coursetools.guard.GradingKernel"]

What it does not defend: code written against the guard itself (reaching
the real builtins through `print.__self__`, editing the snapshot below, or
ipykernel internals not listed here). The learner's code and the checks
share one process; README ("Cheat resistance") says what that leaves open.
"""
import builtins
import sys
import types
import warnings

from ipykernel.ipkernel import IPythonKernel
from traitlets import Bool, Unicode

from . import tracebacks

# Modules whose functions the checks use; their original attributes are
# restored before each cell (attributes the learner adds are left alone).
GUARDED_MODULES = ["builtins", "math", "operator", "numpy", "numpy.testing", "numpy.linalg"]
SYS_HOOKS = ["excepthook", "displayhook", "stdout", "stderr", "stdin", "breakpointhook"]
# The trace and profile functions of the kernel's thread: a learner's trace
# function runs inside every later cell (it can display results there, or
# step over a check's lines). Taken at import, before any learner code runs.
_GETTRACE, _SETTRACE, _GETPROFILE, _SETPROFILE = sys.gettrace, sys.settrace, sys.getprofile, sys.setprofile


_CODE = (types.FunctionType, property, classmethod, staticmethod)


def _restore_class(snapshot):
    """Put back the methods (functions, properties) of a class and drop
    methods added to it; other class attributes (traitlets' caches) stay."""
    cls, saved = snapshot
    current = vars(cls)
    for name in [n for n, v in current.items() if n not in saved and isinstance(v, _CODE)]:
        try:
            delattr(cls, name)
        except (AttributeError, TypeError):
            pass
    for name, value in saved.items():
        if isinstance(value, _CODE) and current.get(name, _MISSING) is not value:
            try:
                setattr(cls, name, value)
            except (AttributeError, TypeError):
                pass


def _is_method(value):
    return isinstance(value, _CODE) or callable(value)


def _changed_methods(cls, saved):
    """Names of methods (any callable) of a library class replaced, added or
    deleted since `saved` was taken."""
    current = vars(cls)
    return sorted({name for name, value in current.items()
                   if saved.get(name, _MISSING) is not value and (_is_method(value) or _is_method(saved.get(name)))}
                  | {name for name, value in saved.items() if name not in current and _is_method(value)})


def _enable_inline_figures():
    """Plots as PNG in the cell's output, as in any Jupyter kernel. The
    inline backend turns that on when it is first imported inside a running
    IPython shell; a kernel forked from a zygote (coursetools/zygote.py)
    finds it imported already, before its shell existed, so it is done here,
    as that import would have done it.

    One step is left out: pyplot's own post_execute callback, which draws
    every changed figure after each cell before the inline backend's
    flush_figures draws it again into the PNG it sends. Nothing sees that
    first drawing (the figures are closed once shown), and it is a third of
    what a figure costs (0.06 of 0.18 CPU-s for a scatter plot). The PNGs
    are a plain kernel's, byte for byte (tests/test_guard.py)."""
    backend_inline = sys.modules.get("matplotlib_inline.backend_inline")
    if backend_inline is not None:
        backend_inline._enable_matplotlib_integration()
        pyplot = sys.modules.get("matplotlib.pyplot")
        shell = backend_inline.get_ipython()
        draw_all = getattr(pyplot, "_draw_all_if_interactive", None)
        if shell is not None and draw_all in shell.events.callbacks.get("post_execute", []):
            shell.events.unregister("post_execute", draw_all)


def _leave_figures_undrawn(shell):
    """Figures shown leave only their text (`<Figure size ... with 1 Axes>`)
    in the cell's output, not drawn into a PNG: for a notebook whose figures
    nobody sees (GradingKernel.draw_figures). The learner's code runs all
    the same, and `savefig` still draws."""
    from matplotlib.figure import Figure
    shell.display_formatter.formatters["image/png"].pop(Figure, None)


def _stderr_as_stdout():
    """The kernel's stderr stream (ipykernel's OutStream, which also carries
    what is written to file descriptor 2) sends its text as the cell's
    stdout. nbgrader scores 0 for a test cell with any output on stderr;
    the course's checks fail by raising, so that output could only come
    from the learner's code or a library it calls, and could only take
    away the points of checks that passed."""
    from ipykernel.iostream import OutStream
    if isinstance(sys.stderr, OutStream):
        sys.stderr.name, sys.stderr.topic = "stdout", b"stream.stdout"


def _warning_on_stdout(message, category, filename, lineno, file=None, line=None):
    """`warnings.showwarning` of the grading kernel: the text Python shows,
    written to the cell's stdout (or to the `file` a caller names)."""
    text = warnings.formatwarning(message, category, filename, lineno, line)
    try:
        (file or sys.stdout).write(text)
    except (OSError, ValueError):  # as Python's own: a closed or broken stream drops it
        pass


def _exception_for_history(shell, exception, filename=None, running_compiled_code=False):
    """What IPython keeps of a cell's error for its history
    (`history_manager.exceptions`, read by the %notebook magic only), in
    Python's own format. IPython 9 formats every error a second time for
    it, as richly as for the cell's output (which stays as it is): for
    each frame that looks up every imported module (inspect.getmodule) and
    highlights the source, half of what a failing cell costs in a kernel
    that has torch imported (0.07 s of CPU per failing cell)."""
    import traceback
    return {"ename": type(exception).__name__, "evalue": str(exception),
            "traceback": traceback.format_exception(exception)}


def _genuine(callback):
    """An event callback registered by a library the course uses (the inline
    matplotlib backend flushes figures after each cell), not by the learner:
    the very function object of that library's module."""
    module = getattr(callback, "__module__", None) or ""
    if not module.startswith(("matplotlib_inline.", "ipykernel.", "IPython.")):
        return False
    target = sys.modules.get(module)
    return target is not None and getattr(target, getattr(callback, "__name__", ""), None) is callback


_MISSING = object()


class Snapshot:
    """The kernel's state worth guarding, taken when the kernel starts."""

    def __init__(self, kernel):
        shell = kernel.shell
        self.kernel, self.shell = kernel, shell
        self.kernel_dict = dict(vars(kernel))
        self.shell_dict = {k: v for k, v in vars(shell).items() if k != "user_ns"}
        self.classes = [(c, dict(vars(c))) for c in type(shell).__mro__ + type(kernel).__mro__
                        if c is not object and c.__module__.split(".")[0] in ("IPython", "ipykernel", __name__.split(".")[0])]
        manager = shell.input_transformer_manager
        self.manager = manager
        self.manager_lists = {name: list(getattr(manager, name)) for name in
                              ("cleanup_transforms", "line_transforms", "token_transformers")}
        self.post = list(shell.input_transformers_post)
        self.ast = list(shell.ast_transformers)
        self.events = {name: list(cbs) for name, cbs in shell.events.callbacks.items()}
        self.custom_exceptions = shell.custom_exceptions
        self.shell_handlers = dict(kernel.shell_handlers)
        self.sys_hooks = {name: getattr(sys, name) for name in SYS_HOOKS if hasattr(sys, name)}
        self.trace, self.profile = _GETTRACE(), _GETPROFILE()
        self.modules = {}
        learner = getattr(kernel, "_learner_builtins", None)
        if learner is not None:
            self.modules["builtins (the notebook's copy)"] = (learner, dict(vars(learner)))
            self.modules["builtins"] = (builtins, {k: v for k, v in vars(builtins).items()
                                                   if not k.startswith("__") or k in ("__import__", "__build_class__")})
        modules, classes = _extra(getattr(kernel, "extra_guarded", ""))
        for name in GUARDED_MODULES + modules:
            if name in self.modules:
                continue
            try:
                module = __import__(name, fromlist=["_"])
            except ImportError:
                continue
            self.modules[name] = (module, {k: v for k, v in vars(module).items()
                                           if not k.startswith("__") or k in ("__import__", "__build_class__")})
        # library classes whose methods the checks call (torch.Tensor): their
        # methods are put back too, and replacing one fails the cell
        self.library_classes = []
        for module_name, class_name in classes:
            try:
                cls = getattr(__import__(module_name, fromlist=["_"]), class_name)
            except (ImportError, AttributeError):
                continue
            self.library_classes.append((cls, dict(vars(cls))))

    def tampered(self):
        """Names of guarded module functions replaced or deleted since the snapshot."""
        out = []
        for label, (module, saved) in self.modules.items():
            current = vars(module)
            for name, value in saved.items():
                if name in ("get_ipython", "exit", "quit", "_", "__", "___"):
                    continue  # IPython swaps these around every cell
                if callable(value) and current.get(name, _MISSING) is not value:
                    out.append(f"{label.split(' ')[0]}.{name}")
        for cls, saved in self.library_classes:
            out += [f"{cls.__module__}.{cls.__qualname__}.{name}" for name in _changed_methods(cls, saved)]
        # a trace or profile function left set (the NumPy-only checker of a
        # test cell takes its own off before the cell ends)
        if _GETTRACE() is not self.trace:
            out.append("sys.settrace (a trace function)")
        if _GETPROFILE() is not self.profile:
            out.append("sys.setprofile (a profile function)")
        return sorted(set(out))

    def restore(self):
        kernel, shell = self.kernel, self.shell
        if hasattr(kernel, "_install_builtins"):
            GradingKernel._install_builtins(kernel)
        for snap in self.classes:
            _restore_class(snap)
        for cls, saved in self.library_classes:
            for name in _changed_methods(cls, saved):
                try:
                    if name in saved:
                        setattr(cls, name, saved[name])
                    else:
                        delattr(cls, name)
                except (AttributeError, TypeError):
                    pass
        # instance attributes that shadow methods, replaced handlers and hooks
        for obj, saved in ((kernel, self.kernel_dict), (shell, self.shell_dict)):
            current = vars(obj)
            for name in list(current):
                if name == "user_ns":
                    continue
                if name not in saved and callable(current[name]):
                    del current[name]
            for name, value in saved.items():
                if isinstance(value, (types.MethodType, types.FunctionType)) or name in (
                        "CustomTB", "custom_exceptions", "displayhook", "display_pub", "display_trap",
                        "InteractiveTB", "SyntaxTB", "input_transformer_manager", "events", "compile",
                        "excepthook", "_showtraceback", "showtraceback"):
                    if current.get(name, _MISSING) is not value:
                        current[name] = value
        shell.input_transformer_manager = self.manager
        for name, items in self.manager_lists.items():
            getattr(self.manager, name)[:] = items
        shell.input_transformers_post = list(self.post)
        shell.ast_transformers = list(self.ast)
        shell.custom_exceptions = self.custom_exceptions
        callbacks = shell.events.callbacks
        for name in list(callbacks):
            saved = self.events.get(name, [])
            callbacks[name][:] = saved + [cb for cb in callbacks[name] if cb not in saved and _genuine(cb)]
        kernel.shell_handlers.clear()
        kernel.shell_handlers.update(self.shell_handlers)
        for name, value in self.sys_hooks.items():
            setattr(sys, name, value)
        if _GETTRACE() is not self.trace:
            _SETTRACE(self.trace)
        if _GETPROFILE() is not self.profile:
            _SETPROFILE(self.profile)
        for module, saved in self.modules.values():
            current = vars(module)
            for name, value in saved.items():
                if current.get(name, _MISSING) is not value:
                    try:
                        setattr(module, name, value)
                    except (AttributeError, TypeError):
                        pass


class GradingKernel(IPythonKernel):
    """ipykernel's IPython kernel, restoring its guarded state before each cell."""

    implementation = "ml-interview-grading"

    extra_guarded = Unicode(
        "", help="More to guard for this notebook, comma-separated: modules ('torch') and "
                 "classes ('torch:Tensor'), imported at kernel start.").tag(config=True)
    preload = Unicode(
        "", help="Modules to import before the snapshot, comma-separated: those that patch a guarded "
                 "module when first imported (torch._dynamo wraps torch.manual_seed).").tag(config=True)

    draw_figures = Bool(
        True, help="Draw the figures a cell shows into PNG outputs, as any kernel does. Off for the "
                   "course's tests' variants, of which only the scores are read "
                   "(GradingExecute.scores_only).").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # numpy is imported by every notebook of the course; importing it
        # here lets its functions be snapshotted before learner code runs.
        try:
            import numpy  # noqa: F401
            import numpy.testing  # noqa: F401
        except ImportError:
            pass
        for name in _names(self.preload):
            try:
                __import__(name)
            except ImportError:
                pass
        _enable_inline_figures()
        if not self.draw_figures and "matplotlib.figure" in sys.modules:
            _leave_figures_undrawn(self.shell)
        tracebacks.install()
        _stderr_as_stdout()
        warnings.showwarning = _warning_on_stdout
        shell = self.shell
        shell._format_exception_for_storage = types.MethodType(_exception_for_history, shell)
        # The learner's code gets its own copy of the builtins module (as
        # `__builtins__` of the notebook's namespace and as
        # sys.modules["builtins"]), so `import builtins; builtins.isinstance
        # = ...` changes the copy, not the functions ipykernel itself runs on.
        self._learner_builtins = types.ModuleType("builtins", builtins.__doc__)
        vars(self._learner_builtins).update(vars(builtins))
        self._learner_builtins.get_ipython = shell.get_ipython
        self._install_builtins()
        self._course_guard = Snapshot(self)

    def _install_builtins(self):
        sys.modules["builtins"] = self._learner_builtins
        self.shell.user_ns["__builtins__"] = self._learner_builtins

    async def execute_request(self, *args, **kwargs):
        _RESTORE(self)
        return await _EXECUTE_REQUEST(self, *args, **kwargs)

    async def do_execute(self, *args, **kwargs):
        _RESTORE(self)
        reply = await _DO_EXECUTE(self, *args, **kwargs)
        # A cell (or a learner's function a test called) that replaced a
        # function the checks rely on fails, whatever else it did: its checks
        # may have run against the replacement.
        changed = _TAMPERED(self)
        _RESTORE(self)
        if changed and isinstance(reply, dict):
            message = (f"this cell replaced {', '.join(changed[:5])}; grading runs checks with the "
                       "original functions, so a cell that replaces them fails")
            reply.update(status="error", ename="GradingGuardError", evalue=message,
                         traceback=[f"GradingGuardError: {message}"])
            reply.pop("payload", None)
        return reply


def _names(spec):
    """'a, b,' -> ['a', 'b'] (the comma-separated traitlets above)."""
    return [part.strip() for part in spec.split(",") if part.strip()]


def _extra(spec):
    """'torch,torch:Tensor' -> (['torch'], [('torch', 'Tensor')])."""
    modules, classes = [], []
    for item in _names(spec):
        if ":" in item:
            classes.append(tuple(item.split(":", 1)))
        else:
            modules.append(item)
    return modules, classes


def _restore_guard(kernel):
    Snapshot.restore(kernel.__dict__["_course_guard"])


def _tampered(kernel):
    return Snapshot.tampered(kernel.__dict__["_course_guard"])


# Module-level references taken at import, before any learner code runs.
_RESTORE = _restore_guard
_TAMPERED = _tampered
_EXECUTE_REQUEST = IPythonKernel.execute_request
_DO_EXECUTE = IPythonKernel.do_execute
