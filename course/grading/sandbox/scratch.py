"""A grading worker's scratch folder: size-capped, private, and always removable.

Each worker prepares a submission, starts its kernels and keeps their
connection folders (sockets) and logs in one scratch folder on the host. The
kernel can write into its connection folder (it must create its sockets
there) and into its log, so that folder must not be the host's disk:

* :func:`private_mounts` gives the worker process a mount namespace of its
  own (as an ordinary user, inside a user namespace of its own, as
  bubblewrap does), so what it mounts is invisible to the rest of the
  machine and disappears with it, even after ``kill -9``;
* :func:`mount_scratch` mounts a tmpfs of a fixed size on the scratch
  folder: when a kernel fills it, its writes fail with "No space left on
  device" and :func:`limit_reasons` reports it;
* :func:`remove_tree` removes a folder whatever the permissions inside
  (a trainee's mode-000 folder included) and unmounts the tmpfs, so the next
  job of the worker starts clean.

Where namespaces are not available, the scratch folder stays on disk (still
removed whatever its permissions) and :func:`mount_scratch` returns False.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp()) / "slot"
>>> (folder / "locked").mkdir(parents=True)
>>> _ = (folder / "locked" / "f").write_text("x")
>>> os.chmod(folder / "locked", 0)
>>> remove_tree(folder); folder.exists()
False
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from course.grading.records import Reason

__all__ = ["limit_reasons", "mount_scratch", "private", "private_mounts", "remove_tree"]

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUSER = 0x10000000
_MS_REC, _MS_PRIVATE, _MNT_DETACH = 0x4000, 1 << 18, 2
_PRIVATE = {"active": False}
_FULL = ("No space left on device", "File too large", "Disk quota exceeded")


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def private_mounts() -> bool:
    """Give this process a private mount namespace (call once, while it has a single thread).

    Returns whether it worked. As root only the mount namespace is new; an
    ordinary user gets a user namespace too, mapping its own ids to
    themselves, so files keep their owner.
    """
    if _PRIVATE["active"]:
        return True
    if not hasattr(os, "unshare") and not Path("/proc/self/ns/mnt").exists():
        return False
    libc = _libc()
    uid, gid = os.geteuid(), os.getegid()
    flags = _CLONE_NEWNS if uid == 0 else _CLONE_NEWNS | _CLONE_NEWUSER
    if libc.unshare(flags) != 0:
        return False
    try:
        if uid != 0:
            Path("/proc/self/setgroups").write_text("deny")
            Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
            Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")
        if libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
            return False
    except OSError:
        return False
    _PRIVATE["active"] = True
    return True


def private() -> bool:
    """Whether this process has its private mount namespace (so it can mount tmpfs).

    Examples
    --------
    >>> private() in (True, False)
    True
    """
    return _PRIVATE["active"]


def mount_scratch(folder: Path, size_mb: int) -> bool:
    """Create ``folder`` as a tmpfs of ``size_mb`` MB in this process's private namespace.

    Returns False (and leaves an ordinary folder) when :func:`private_mounts`
    did not succeed or the mount failed.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if not _PRIVATE["active"]:
        return False
    options = f"size={int(size_mb)}m,mode=0700".encode()
    return bool(_libc().mount(b"course-grade", str(folder).encode(), b"tmpfs", 0, options) == 0)


def _unmount(folder: Path) -> None:
    if _PRIVATE["active"]:
        libc = _libc()
        while libc.umount2(str(folder).encode(), _MNT_DETACH) == 0:
            pass  # several tmpfs may be stacked when a job was interrupted


def _writable(path: str) -> None:
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISDIR(info.st_mode):
            os.chmod(path, stat.S_IMODE(info.st_mode) | stat.S_IRWXU)


def remove_tree(folder: Path) -> None:
    """Remove ``folder`` (and unmount its tmpfs) whatever the permissions of what is inside.

    Folders a kernel made unreadable or unwritable (mode 000) are given back
    their owner's rights first; symbolic links are removed, never followed.
    """
    folder = Path(folder)
    _unmount(folder)
    if not folder.exists() and not folder.is_symlink():
        return
    if folder.is_symlink() or not folder.is_dir():
        folder.unlink()
        return
    _writable(str(folder))
    for dirpath, dirnames, _ in os.walk(folder):
        for name in dirnames:
            _writable(os.path.join(dirpath, name))

    def retry(function: Any, path: str, _info: Any) -> None:
        _writable(os.path.dirname(path))
        _writable(path)
        function(path)

    shutil.rmtree(folder, onerror=retry)


def limit_reasons(folder: Path, notebooks: Iterable[Any], *, size_mb: int) -> list[Reason]:
    """Return a ``disk_limit`` reason when a writable place of the sandbox was filled.

    The scratch folder is full, or a cell's error says a file system was full
    or a file too large (the working folder, ``/tmp`` and the home folder are
    tmpfs with a size inside the sandbox).

    Examples
    --------
    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "x", outputs=[nbformat.v4.new_output("error", ename="OSError",
    ...                                         evalue="[Errno 28] No space left on device", traceback=[])])])
    >>> [r.code for r in limit_reasons(Path("/nonexistent"), [nb], size_mb=256)]
    ['disk_limit']
    """
    found: list[Reason] = []
    places = [(folder, "the kernel's scratch folder (connection folder, log)")]
    for kernel in sorted(folder.glob("k*/c.*")) if folder.is_dir() else []:
        places.append((kernel, "the sandbox's " + "/" + kernel.name.split(".", 1)[1].replace("-", "/")))
    for place, label in places:
        with contextlib.suppress(OSError):
            usage = os.statvfs(place)
            total = usage.f_blocks * usage.f_frsize
            if usage.f_bavail * usage.f_frsize < 1024 * 1024 and total <= size_mb * 1024 * 1024:
                found.append(Reason("disk_limit", f"{label} reached its size ({total // (1024 * 1024)} MB)"))
    for nb in notebooks:
        for cell in getattr(nb, "cells", []) if nb is not None else []:
            for output in cell.get("outputs", []):
                text = f"{output.get('ename', '')}: {output.get('evalue', '')}"
                if output.get("output_type") == "error" and any(word in text for word in _FULL):
                    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                    found.append(Reason("disk_limit", f"{text[:160]} (each writable folder is capped)", "", grade_id))
    return found
