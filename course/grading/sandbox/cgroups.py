"""Per-kernel control groups: a process-count and memory limit that cannot be escaped.

Each kernel gets its own cgroup under the run's folder, with ``pids.max``
(a fork bomb stops there) and, where the memory controller is writable, a
memory limit (the kernel is killed instead of the machine swapping). The
launcher joins the kernel's cgroups before it starts the sandbox.

cgroup v1 (one hierarchy per controller) and v2 (unified, when ``pids`` is
delegated to the grader's own cgroup) are both handled. Where neither is
writable (an ordinary user without delegation), :func:`probe` returns None
and the grader falls back to ``RLIMIT_NPROC``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Cgroups", "probe"]

_ROOT = Path("/sys/fs/cgroup")


def _own_path(controller: str) -> str | None:
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, names, path = line.split(":", 2)
        if controller in names.split(",") or (controller == "" and names == ""):
            return path
    return None


def _try_make(folder: Path, probe_file: str) -> bool:
    try:
        folder.mkdir(exist_ok=True)
    except OSError:
        return False
    if (folder / probe_file).exists() and os.access(folder / "cgroup.procs", os.W_OK):
        return True
    with contextlib.suppress(OSError):
        folder.rmdir()
    return False


def _empty_and_remove(folder: Path, deadline: float) -> None:
    for child in [p for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []:
        _empty_and_remove(child, deadline)
    while folder.is_dir():
        try:
            pids = [int(p) for p in (folder / "cgroup.procs").read_text().split()]
        except (OSError, ValueError):
            pids = []
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        try:
            folder.rmdir()
            return
        except OSError:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)


@dataclass(frozen=True)
class Cgroups:
    """The run's cgroup folders, one per controller (v1) or one (v2)."""

    folders: tuple[tuple[str, str], ...]
    """``(controller, folder)`` pairs; ``controller`` is ``pids``, ``memory`` or ``unified``."""

    @property
    def has_memory(self) -> bool:
        """Whether a memory limit can be set."""
        return any(c in ("memory", "unified") for c, _ in self.folders) and (
            self.version == 1 or any(Path(f, "memory.max").exists() for _, f in self.folders))

    @property
    def version(self) -> int:
        """1 or 2."""
        return 2 if self.folders[0][0] == "unified" else 1

    def create(self, name: str, *, max_processes: int, memory_bytes: int | None) -> list[str]:
        """Create the cgroups of one kernel and return their ``cgroup.procs`` files."""
        procs: list[str] = []
        for controller, base in self.folders:
            folder = Path(base) / name
            folder.mkdir(exist_ok=True)
            if controller in ("pids", "unified"):
                (folder / "pids.max").write_text(str(max_processes))
            if memory_bytes and controller == "memory":
                (folder / "memory.limit_in_bytes").write_text(str(memory_bytes))
                if (folder / "memory.memsw.limit_in_bytes").exists():
                    (folder / "memory.memsw.limit_in_bytes").write_text(str(memory_bytes))
            if memory_bytes and controller == "unified" and (folder / "memory.max").exists():
                (folder / "memory.max").write_text(str(memory_bytes))
                if (folder / "memory.swap.max").exists():
                    (folder / "memory.swap.max").write_text("0")
            procs.append(str(folder / "cgroup.procs"))
        return procs

    def events(self, name: str) -> dict[str, int]:
        """Return how often each limit of kernel ``name`` was hit (``pids``, ``oom``)."""
        found: dict[str, int] = {}
        for controller, base in self.folders:
            folder = Path(base) / name
            for file, key in (("pids.events", "pids"), ("memory.events", "oom"), ("memory.oom_control", "oom")):
                try:
                    for line in (folder / file).read_text().splitlines():
                        label, _, value = line.partition(" ")
                        if label in ("max", "oom_kill"):
                            found[key] = found.get(key, 0) + int(value)
                except (OSError, ValueError):
                    pass
            if controller == "memory":
                with contextlib.suppress(OSError, ValueError):
                    found["oom"] = found.get("oom", 0) + int((folder / "memory.failcnt").read_text())
        return found

    def destroy(self, name: str) -> None:
        """Kill whatever is left in kernel ``name``'s cgroups and remove them."""
        deadline = time.monotonic() + 5
        for _, base in self.folders:
            _empty_and_remove(Path(base) / name, deadline)

    def close(self) -> None:
        """Remove the run's cgroup folders (killing anything left in them)."""
        deadline = time.monotonic() + 5
        for _, base in self.folders:
            _empty_and_remove(Path(base), deadline)


def _stale(parent: Path) -> None:
    # folders of runs whose grader process is gone (killed with -9)
    for folder in parent.glob("course-grade-*"):
        try:
            pid = int(folder.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if not Path(f"/proc/{pid}").exists():
            _empty_and_remove(folder, time.monotonic() + 5)


def probe(run_name: str) -> Cgroups | None:
    """Create the run's cgroup folders if this machine lets us; None otherwise.

    ``run_name`` must end with ``-<pid>`` of the grading process, so a later
    run can remove folders of runs that were killed.

    Examples
    --------
    >>> groups = probe(f"course-grade-{os.getpid()}")
    >>> groups is None or groups.folders[0][0] in ("pids", "unified")
    True
    >>> groups.close() if groups else None
    """
    if not _ROOT.is_dir():
        return None
    if (_ROOT / "cgroup.controllers").exists():  # v2
        own = _own_path("")
        if own is None:
            return None
        unified = _ROOT / own.lstrip("/")
        try:
            delegated = (unified / "cgroup.subtree_control").read_text().split()
        except OSError:
            return None
        if "pids" not in delegated:
            return None
        _stale(unified)
        folder = unified / run_name
        return Cgroups((("unified", str(folder)),)) if _try_make(folder, "pids.max") else None
    folders: list[tuple[str, str]] = []
    for controller, probe_file in (("pids", "pids.max"), ("memory", "memory.limit_in_bytes")):
        own = _own_path(controller)
        if own is None or not (_ROOT / controller).is_dir():
            continue
        parent = _ROOT / controller / own.lstrip("/")
        _stale(parent)
        folder = parent / run_name
        if _try_make(folder, probe_file):
            folders.append((controller, str(folder)))
    if not any(c == "pids" for c, _ in folders):
        for _, made in folders:
            _empty_and_remove(Path(made), time.monotonic() + 1)
        return None
    return Cgroups(tuple(folders))
