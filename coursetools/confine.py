"""A process confines itself in the grading sandbox (for the kernel
zygote, coursetools/zygote.py): the Linux calls bwrap makes, through ctypes
(Python 3.11 has no os.unshare or pivot_root).

enter_namespaces: new user, mount, PID, network, IPC and UTS namespaces;
build_root: the file system of sandbox.layout as the new, read-only root;
drop_privileges: no capabilities and no way to gain any;
die_with_parent: killed when the parent ends.
"""
import ctypes
import os
import platform
import signal

CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 1, 24, 38, 47
SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}.get(platform.machine())
# statvfs flags -> the mount flags a bind remount must keep (the kernel
# refuses to clear a flag a less privileged namespace inherited locked)
_KEEP = ((os.ST_NOSUID, MS_NOSUID), (os.ST_NODEV, MS_NODEV), (os.ST_NOEXEC, MS_NOEXEC),
         (os.ST_NOATIME, MS_NOATIME), (os.ST_NODIRATIME, MS_NODIRATIME), (os.ST_RELATIME, MS_RELATIME))
DEVICES = ("null", "zero", "full", "random", "urandom", "tty")

_libc = ctypes.CDLL(None, use_errno=True)


def _call(name, *args):
    if getattr(_libc, name)(*args) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}{tuple(a.decode() if isinstance(a, bytes) else a for a in args)}: "
                           f"{os.strerror(err)}")


def _b(path):
    return None if path is None else os.fsencode(str(path))


def _mount(source, target, fstype, flags, data=None):
    _call("mount", _b(source), _b(target), _b(fstype), ctypes.c_ulong(flags), _b(data))


def _remount_ro(target):
    flags = os.statvfs(target).f_flag
    keep = sum(ms for st, ms in _KEEP if flags & st)
    _mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | keep)


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)


def enter_namespaces():
    """New user (this uid and gid mapped to themselves), mount, PID,
    network, IPC and UTS namespaces; the PID one holds the next child."""
    uid, gid = os.getuid(), os.getgid()
    _call("unshare", CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{uid} {uid} 1")
    _write("/proc/self/gid_map", f"{gid} {gid} 1")


def _mountpoint(target, is_dir=True):
    if is_dir:
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            open(target, "w").close()


def build_root(layout):
    """The sandbox's file system (sandbox.layout, mounts in order) as the
    root of this mount namespace, read-only but for its writable binds and
    tmpfs. Run as PID 1 of the new PID namespace (for /proc)."""
    # Sources are found as bwrap finds them, on the machine's root: a symlink
    # (a .venv linked to another folder) is followed now, since after the
    # switch below an absolute link would point into the new root.
    layout = [(kind, None if source is None else os.path.realpath(source), target)
              for kind, source, target in layout]
    _mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing propagates back to the machine
    # bwrap's way: a tmpfs on /tmp becomes the root for a moment, the
    # machine's root is then under /oldroot and the new one under /newroot
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
    os.chdir("/tmp")
    os.mkdir("newroot")
    os.mkdir("oldroot")
    _mount("tmpfs", "newroot", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
    _call("syscall", ctypes.c_long(SYS_PIVOT_ROOT), b"/tmp", b"/tmp/oldroot")
    os.chdir("/")
    for kind, source, target in layout:
        new = "/newroot" + str(target)
        old = None if source is None else "/oldroot" + str(source)
        if kind == "dir":
            os.makedirs(new, exist_ok=True)
        elif kind == "tmpfs":
            _mountpoint(new)
            _mount("tmpfs", new, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
        elif kind == "proc":
            _mountpoint(new)
            _mount("proc", new, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        elif kind == "dev":
            _mountpoint(new)
            _mount("tmpfs", new, "tmpfs", MS_NOSUID, "mode=0755")
            for name in DEVICES:
                if os.path.exists(f"/oldroot/dev/{name}"):
                    _mountpoint(f"{new}/{name}", is_dir=False)
                    _mount(f"/oldroot/dev/{name}", f"{new}/{name}", None, MS_BIND)
            for name, link in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"),
                               ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2"),
                               ("core", "/proc/kcore"), ("ptmx", "pts/ptmx")):
                os.symlink(link, f"{new}/{name}")
            os.mkdir(f"{new}/shm")
            os.mkdir(f"{new}/pts")
            # a pseudo-terminal device of the sandbox's own, as bwrap's --dev
            # mounts it (IPython's `!command` runs through one)
            _mount("devpts", f"{new}/pts", "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=620")
        elif kind in ("ro-try", "ro", "rw"):
            if not os.path.exists(old):
                if kind == "ro-try":
                    continue
                raise FileNotFoundError(f"cannot bind {source}: it does not exist")
            _mountpoint(new, os.path.isdir(old))
            _mount(old, new, None, MS_BIND)
            if kind != "rw":
                _remount_ro(new)
        else:
            raise ValueError(f"unknown mount kind {kind!r}")
    # the machine's root goes, the new root takes its place, read-only
    _mount(None, "/oldroot", None, MS_REC | MS_PRIVATE)
    _call("umount2", b"/oldroot", MNT_DETACH)
    os.chdir("/newroot")
    _call("syscall", ctypes.c_long(SYS_PIVOT_ROOT), b".", b".")
    _call("umount2", b".", MNT_DETACH)
    os.chdir("/")
    _remount_ro("/")


def drop_privileges():
    """No capabilities (in any set) and no way to gain any: the learner's
    code cannot undo the mounts above."""
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            break
    _libc.prctl(PR_CAP_AMBIENT, 4, 0, 0, 0)  # PR_CAP_AMBIENT_CLEAR_ALL

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    header, data = Header(0x20080522, 0), (ctypes.c_uint32 * 6)()  # _LINUX_CAPABILITY_VERSION_3
    _call("capset", ctypes.byref(header), ctypes.byref(data))
    _call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


def die_with_parent():
    """This process is killed when its parent ends."""
    _call("prctl", PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def set_hostname(name):
    _call("sethostname", name.encode(), len(name.encode()))
