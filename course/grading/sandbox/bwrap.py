"""The bubblewrap sandbox each trainee's kernel runs in, and its resource limits.

:func:`plan` is computed once per run: it asks the kernel's interpreter which
folders it needs (its prefixes, ``sys.path``, editable installs) and builds a
:class:`Sandbox` that, for every kernel, gives

* an empty root with only the system folders (``/usr``, libraries, a few
  harmless ``/etc`` files) and those interpreter folders, **read-only**;
* no network (``--unshare-net``; the grader talks to the kernel over Unix
  sockets in a folder bound into the sandbox), its own PID, IPC, UTS and user
  namespaces, no new user namespaces inside;
* a private, size-limited writable working folder (a copy of the submission
  plus the assignment's files), home and ``/tmp``, and nothing else writable;
* the course folder (sources, solutions, gradebook, every submission,
  feedback), the exchange, the grader's temporary folder and the user's home
  hidden, even when the interpreter lives inside one of them (then only the
  interpreter's folders are put back);
* a scrubbed environment (no tokens or passwords of the instructor's), for
  the kernel and for bubblewrap itself: bubblewrap is PID 1 in the sandbox,
  so its ``/proc/1/environ`` and ``/proc/1/cmdline`` are readable there; it
  starts with an empty environment and reads its options from a file;
* the installed packages before the working folder on ``sys.path``
  (``PYTHONSAFEPATH`` and an IPython setting append the working folder last);
* a read-only root, ``/dev`` and hidden folders: every writable place is a
  tmpfs with a size.

:func:`probe` says plainly whether bubblewrap works here.

Examples
--------
>>> Limits().memory_mb
2048
>>> _inside(Path("/a/b/c"), Path("/a/b"))
True
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from course.grading.sandbox.scratch import mount_scratch, private

__all__ = ["Limits", "Sandbox", "SandboxUnavailable", "installed_modules", "plan", "probe", "writable_places"]

SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "fonts",
             "alternatives", "mime.types", "nsswitch.conf", "hosts", "locale.alias", "os-release",
             "matplotlibrc", "jupyter", "ipython")
PASS_ENV = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE",
            "LC_MONETARY", "LC_MESSAGES", "TZ", "COURSE_LANG", "MPLBACKEND", "PYTHONHASHSEED",
            "PYTHONIOENCODING", "PYTHONUTF8", "JUPYTER_PLATFORM_DIRS")
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")
WORKDIR = "/grading/work"
"""The kernel's working folder inside the sandbox."""
INPUT = "/grading/in"
"""Where the prepared submission is bound read-only (copied to :data:`WORKDIR` at start)."""
HOME = "/grading/home"
"""The kernel's home inside the sandbox."""
CACHES = "/grading/caches"
"""Where read-only copies of the grader's caches are bound."""
SMALL_MB = 64
"""Size of the home folder and ``/dev/shm`` in the sandbox."""
IPYTHON_CONFIG = """# written by course grade: the kernel's working folder comes last on sys.path
c = get_config()  # noqa: F821
c.InteractiveShellApp.ignore_cwd = True
c.InteractiveShellApp.exec_lines = ["__import__('sys').path.append(__import__('os').getcwd())"]
"""


class SandboxUnavailable(RuntimeError):
    """bubblewrap cannot run here; the message says why."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of every kernel."""

    cell_timeout: int | None = None
    """Seconds per cell; None: the course's ``Execute.timeout``."""
    notebook_timeout: int = 600
    """Seconds per notebook, all cells together."""
    memory_mb: int = 2048
    """Memory of the kernel and its children (cgroup; address space per process)."""
    max_processes: int = 128
    """Processes and threads the kernel may have at once."""
    max_file_mb: int = 64
    """Largest file the kernel may write."""
    workdir_mb: int = 256
    """Size of the writable working folder (and of ``/tmp``)."""
    max_output_kb: int = 1024
    """Output kept per cell; the rest is replaced by a note."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@dataclass(frozen=True)
class Sandbox:
    """A ready-to-use bubblewrap command line builder (picklable)."""

    bwrap: str
    """Path of the ``bwrap`` executable."""
    readonly: tuple[str, ...]
    """Host folders bound read-only at the same path (interpreter, packages)."""
    hidden: tuple[tuple[str, tuple[str, ...]], ...]
    """Sensitive paths covered inside a bound folder, with what to put back."""
    etc: tuple[tuple[str, str], ...]
    """``(host file, sandbox path)`` files bound read-only."""
    env: tuple[tuple[str, str], ...]
    """The kernel's whole environment."""
    disable_userns: bool = True
    """Whether ``--disable-userns`` is supported (bubblewrap >= 0.8)."""
    symlinks: tuple[tuple[str, str], ...] = field(default=())
    """``(target, link)`` for system folders that are symbolic links (merged /usr)."""
    caches: tuple[tuple[str, str], ...] = field(default=())
    """``(host folder, folder in the sandbox home)`` caches copied in at start (matplotlib's fonts)."""
    ipython_config: str = ""
    """Host file bound read-only as the kernel's IPython configuration (``sys.path`` order)."""
    modules: frozenset[str] = field(default=frozenset())
    """Top-level modules the kernel's interpreter can import (a submission must not shadow them)."""

    def cache_copies(self) -> list[list[str]]:
        """Return the ``[read-only copy, target]`` pairs the kernel copies before the first cell.

        Examples
        --------
        >>> Sandbox("bwrap", (), (), (), (), caches=(("/h/.cache/mpl", ".cache/matplotlib"),)).cache_copies()
        [['/grading/caches/0', '/grading/home/.cache/matplotlib']]
        """
        return [[f"{CACHES}/{index}", f"{HOME}/{target}"] for index, (_, target) in enumerate(self.caches)]

    def options(self, *, connection_dir: str, input_dir: str, limits: Limits,
                mounted: dict[str, str] | None = None) -> list[str]:
        """Return bubblewrap's options for one kernel (without the executable).

        ``mounted`` maps writable places of the sandbox (:data:`WORKDIR`,
        ``/tmp``, :data:`HOME`, ``/dev/shm``) to host folders that are already
        size-capped tmpfs (the worker's, see :mod:`course.grading.sandbox.scratch`);
        the others become bubblewrap's own tmpfs with the same sizes.

        Examples
        --------
        >>> box = Sandbox("bwrap", readonly=("/opt/py",), hidden=(), etc=(), env=(("HOME", HOME),))
        >>> opts = box.options(connection_dir="/tmp/c", input_dir="/tmp/in", limits=Limits())
        >>> "--unshare-net" in opts and opts[opts.index("/opt/py") - 1] == "--ro-bind", opts[-2:]
        (True, ['--remount-ro', '/'])
        """
        mb = 1024 * 1024
        args = ["--unshare-user", "--uid", "1000", "--gid", "1000"]
        if self.disable_userns:
            args.append("--disable-userns")
        args += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                 "--unshare-cgroup-try", "--hostname", "grader", "--die-with-parent", "--clearenv"]
        for name, value in self.env:
            args += ["--setenv", name, value]
        mounted = mounted or {}

        def writable(place: str) -> list[str]:
            if place in mounted:
                return ["--bind", mounted[place], place]
            return ["--size", str(writable_places(limits)[place] * mb), "--tmpfs", place]

        args += ["--proc", "/proc", "--dev", "/dev", *writable("/tmp"), *writable("/dev/shm")]
        for target, link in self.symlinks:
            args += ["--symlink", target, link]
        for folder in SYSTEM_DIRS:
            if Path(folder).is_dir() and not Path(folder).is_symlink():
                args += ["--ro-bind", folder, folder]
        for host, inside in self.etc:
            args += ["--ro-bind", host, inside]
        for folder in self.readonly:
            args += ["--ro-bind", folder, folder]
        read_only = []
        for secret, restore in self.hidden:
            if Path(secret).is_dir():
                args += ["--size", str(mb), "--tmpfs", secret]
                read_only += ["--remount-ro", secret]
            else:
                args += ["--ro-bind", "/dev/null", secret]
            for folder in restore:
                args += ["--ro-bind", folder, folder]
        for index, (host, _) in enumerate(self.caches):
            args += ["--ro-bind", host, f"{CACHES}/{index}"]
        args += writable(HOME)
        if self.ipython_config:
            args += ["--ro-bind", self.ipython_config, f"{HOME}/.ipython/profile_default/ipython_kernel_config.py"]
        args += [*writable(WORKDIR),
                 "--ro-bind", input_dir, INPUT,
                 "--bind", connection_dir, connection_dir,
                 "--chdir", WORKDIR, *read_only, "--remount-ro", "/dev", "--remount-ro", "/"]
        return args

    def argv(self, *, connection_dir: str, input_dir: str, limits: Limits) -> list[str]:
        """Return the command prefix (ending with ``--``) that starts a command in the sandbox for one kernel.

        bubblewrap starts with an **empty** environment (``env -i``) and reads
        its options from a file beside ``connection_dir`` (``--args``), so
        neither the grader's variables nor its folder names can be read from
        ``/proc/1`` inside the sandbox.

        Examples
        --------
        >>> import tempfile
        >>> box = Sandbox("bwrap", readonly=("/opt/py",), hidden=(), etc=(), env=(("HOME", HOME),))
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     argv = box.argv(connection_dir=f"{folder}/c", input_dir="/tmp/in", limits=Limits())
        ...     options = Path(folder, "c-bwrap.args").read_text().split("\\0")
        >>> argv[3], argv[-3:], "--unshare-net" in argv, "--unshare-net" in options
        ('bwrap', ['--args', '3', '--'], False, True)
        """
        mounted: dict[str, str] = {}
        if private():  # the worker can mount: each writable place is a tmpfs it can measure afterwards
            for place, size_mb in writable_places(limits).items():
                host = Path(f"{connection_dir}.{place.strip('/').replace('/', '-')}")
                if mount_scratch(host, size_mb):
                    mounted[place] = str(host)
        options = self.options(connection_dir=connection_dir, input_dir=input_dir, limits=limits, mounted=mounted)
        if any("\0" in option for option in options):
            raise ValueError("a sandbox option contains a NUL character")
        args_file = Path(f"{connection_dir}-bwrap.args")  # one per kernel (or kernel server): never shared
        args_file.parent.mkdir(parents=True, exist_ok=True)
        args_file.write_text("".join(f"{option}\0" for option in options))
        script = 'f=$1; shift; exec /usr/bin/env -i "$0" "$@" 3<"$f"'
        return ["/bin/sh", "-c", script, self.bwrap, str(args_file), "--args", "3", "--"]


def writable_places(limits: Limits) -> dict[str, int]:
    """Return each writable place of the sandbox with its size in MB.

    Examples
    --------
    >>> writable_places(Limits())
    {'/grading/work': 256, '/tmp': 256, '/grading/home': 64, '/dev/shm': 64}
    """
    return {WORKDIR: limits.workdir_mb, "/tmp": limits.workdir_mb, HOME: SMALL_MB, "/dev/shm": SMALL_MB}


def probe() -> str:
    """Return the ``bwrap`` path, or raise :class:`SandboxUnavailable` saying why.

    Examples
    --------
    >>> try:
    ...     isinstance(probe(), str)
    ... except SandboxUnavailable:
    ...     True
    True
    """
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"the sandbox needs Linux; this is {sys.platform}")
    found = shutil.which("bwrap")
    if found is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed; on Debian/Ubuntu: "
                                 "apt-get install bubblewrap")
    result = subprocess.run(
        [found, "--unshare-user", "--unshare-pid", "--unshare-net", "--die-with-parent",
         "--ro-bind", "/", "/", "true"], capture_output=True, text=True, timeout=30)
    if result.returncode != 0:
        raise SandboxUnavailable("bubblewrap cannot create namespaces here: "
                                 + (result.stderr.strip() or f"exit code {result.returncode}"))
    return found


_INTERPRETER_PROBE = """
import json, os, sys
paths = [sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
         os.path.dirname(os.path.realpath(sys.executable)), os.path.dirname(sys.executable)]
paths += [p for p in sys.path if p and os.path.isabs(p)]
for module in list(sys.modules.values()):
    if getattr(module, "__name__", "").startswith("__editable__"):
        mapping = getattr(module, "MAPPING", None)
        if isinstance(mapping, dict):
            paths += [str(v) for v in mapping.values()]
print(json.dumps(paths))
"""


def interpreter_paths(python: str) -> list[Path]:
    """Return the folders ``python`` needs to start and import its packages."""
    out = subprocess.run([python, "-c", _INTERPRETER_PROBE], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    found: list[Path] = []
    for raw in json.loads(out):
        for path in (Path(raw), Path(os.path.realpath(raw))):
            if path.exists() and path not in found:
                found.append(path.parent if path.is_file() else path)
    return found


_MODULES_PROBE = """
import importlib.metadata, json, pkgutil, sys
names = set(sys.stdlib_module_names) | set(sys.builtin_module_names)
names |= {m.name for m in pkgutil.iter_modules([p for p in sys.path if p])}
try:
    names |= set(importlib.metadata.packages_distributions())
except Exception:
    pass
print(json.dumps(sorted(n for n in names if n.isidentifier())))
"""


def installed_modules(python: str) -> frozenset[str]:
    """Return the top-level module names ``python`` can import (standard library and installed).

    Examples
    --------
    >>> {"json", "pandas", "course"} <= installed_modules(sys.executable)
    True
    """
    out = subprocess.run([python, "-I", "-c", _MODULES_PROBE], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    return frozenset(json.loads(out)) | {"course"}


def _python_packages(folder: Path, secrets: list[Path]) -> list[Path]:
    # what to put back when a hidden folder is itself on sys.path
    back = []
    for entry in sorted(folder.iterdir()):
        if any(_inside(entry, s) or _inside(s, entry) for s in secrets if s != folder):
            continue
        if (entry.is_dir() and (entry / "__init__.py").exists()) or entry.suffix == ".py":
            back.append(entry)
    return back


def plan(python: str, sensitive: list[Path], extra_readonly: list[Path] = (),  # type: ignore[assignment]
         etc_dir: Path | None = None) -> Sandbox:
    """Build the sandbox for kernels started with interpreter ``python``.

    ``sensitive`` lists what must stay invisible (course folder, exchange,
    the grader's own temporary folder, home). ``etc_dir`` receives the
    sandbox's ``passwd`` and ``group`` files.

    Examples
    --------
    >>> box = plan(sys.executable, [Path("/srv/course")])  # doctest: +SKIP
    >>> "--unshare-net" in box.argv(connection_dir="/tmp/c", input_dir="/tmp/in", limits=Limits())  # doctest: +SKIP
    True
    """
    bwrap = probe()
    system = [Path(d) for d in SYSTEM_DIRS if Path(d).exists()]
    needed = [p for p in [*interpreter_paths(python), *map(Path, extra_readonly)]
              if not any(_inside(p, s) for s in system)]
    needed.sort(key=lambda p: (len(p.parts), str(p)))
    readonly: list[Path] = []
    for path in needed:
        if not any(_inside(path, kept) for kept in readonly):
            readonly.append(path)
    secrets = [Path(os.path.realpath(s)) for s in sensitive]
    hidden: list[tuple[str, tuple[str, ...]]] = []
    for secret in sorted(set(secrets), key=lambda p: (len(p.parts), str(p))):
        if not any(_inside(secret, kept) for kept in [*readonly, *system]) or not secret.exists():
            continue
        back = [p for p in needed if _inside(p, secret) and p != secret]
        if secret in needed:
            back += _python_packages(secret, secrets)
        hidden.append((str(secret), tuple(str(p) for p in back)))
    etc = [(f"/etc/{name}", f"/etc/{name}") for name in ETC_FILES if Path("/etc", name).exists()]
    if etc_dir is not None:
        etc_dir.mkdir(parents=True, exist_ok=True)
        (etc_dir / "passwd").write_text(f"root:x:0:0:root:/root:/bin/sh\ntrainee:x:1000:1000:trainee:{HOME}:/bin/sh\n"
                                        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
        (etc_dir / "group").write_text("root:x:0:\ntrainee:x:1000:\nnogroup:x:65534:\n")
        etc += [(str(etc_dir / "passwd"), "/etc/passwd"), (str(etc_dir / "group"), "/etc/group")]
    ipython_config = ""
    if etc_dir is not None:
        (etc_dir / "ipython_kernel_config.py").write_text(IPYTHON_CONFIG)
        ipython_config = str(etc_dir / "ipython_kernel_config.py")
    env = {"HOME": HOME, "USER": "trainee", "LOGNAME": "trainee", "SHELL": "/bin/sh", "TMPDIR": "/tmp",
           "PATH": os.pathsep.join([str(Path(python).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
           "NBGRADER_EXECUTION": "autograde", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONSAFEPATH": "1"}
    env.update({k: os.environ[k] for k in PASS_ENV if k in os.environ})
    env.update({k: os.environ.get(k, "1") for k in THREAD_ENV})
    symlinks = [(os.readlink(d), d) for d in SYSTEM_DIRS if Path(d).is_symlink()]
    caches = [(str(folder), ".cache/matplotlib") for folder in [_matplotlib_cache()] if folder is not None]
    help_text = subprocess.run([bwrap, "--help"], capture_output=True, text=True).stdout
    return Sandbox(bwrap=bwrap, readonly=tuple(str(p) for p in readonly), hidden=tuple(hidden),
                   etc=tuple(etc), env=tuple(sorted(env.items())),
                   disable_userns="--disable-userns" in help_text, symlinks=tuple(symlinks),
                   caches=tuple(caches), ipython_config=ipython_config, modules=installed_modules(python))


def _matplotlib_cache() -> Path | None:
    """The grader's matplotlib font cache, so kernels need not rebuild it (seconds each)."""
    configured = os.environ.get("MPLCONFIGDIR")
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "matplotlib"
    return base if base.is_dir() and any(base.glob("fontlist-*.json")) else None
