"""Start a trainee's kernel through the launcher, inside the sandbox when there is one.

:class:`KernelLaunch` describes one kernel: its private folders, limits and
cgroups. :class:`LimitedKernelManager` is jupyter_client's
``AsyncKernelManager`` with three changes: the command is wrapped by the
launcher (limits, cgroups) and bubblewrap; the kernel talks over Unix
sockets (``ipc`` transport: no ports, works without a network); and an
interrupt is a message, not a signal (a signal would hit bubblewrap).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from course.grading.sandbox.bwrap import WORKDIR, Limits, Sandbox

__all__ = ["KernelLaunch", "KernelServer", "LimitedKernelManager", "user_task_count"]

LAUNCHER = str(Path(__file__).parent.parent / "sandbox" / "launch.py")
SERVER = str(Path(__file__).with_name("kernel_server.py"))


def user_task_count() -> int:
    """Return how many processes and threads this user runs now (for ``RLIMIT_NPROC``).

    Examples
    --------
    >>> user_task_count() >= 1
    True
    """
    uid, count = os.getuid(), 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            count += int(fields.get("Threads", "1").strip() or 1)
    return max(count, 1)


@dataclass(frozen=True)
class KernelLaunch:
    """How to start one kernel."""

    folder: str
    """The kernel's private host folder (sockets, log, prepared input)."""
    limits: Limits
    """Resource limits."""
    sandbox: Sandbox | None
    """The sandbox, or None when grading unsandboxed."""
    cgroup_procs: tuple[str, ...] = ()
    """``cgroup.procs`` files the launcher joins."""
    nproc: int | None = None
    """``RLIMIT_NPROC`` to set (when no cgroup limits processes)."""
    files: str = ""
    """The prepared submission: bound read-only in the sandbox, else the working folder."""
    server: str = ""
    """Socket of a :class:`KernelServer` that forks this (clean) kernel; empty: start one of its own."""
    work: str = ""
    """With a server: the kernel's working folder, as the server sees it."""

    @property
    def connection_dir(self) -> str:
        """Folder of the connection file and sockets.

        Examples
        --------
        >>> KernelLaunch("/tmp/k1", Limits(), None).connection_dir
        '/tmp/k1/c'
        """
        return os.path.join(self.folder, "c")

    @property
    def log_file(self) -> str:
        """The kernel's standard error.

        Examples
        --------
        >>> KernelLaunch("/tmp/k1", Limits(), None).log_file
        '/tmp/k1/kernel.log'
        """
        return os.path.join(self.folder, "kernel.log")

    def wrap(self, command: list[str]) -> list[str]:
        """Return ``command`` prefixed by the launcher and the sandbox.

        Examples
        --------
        >>> cmd = KernelLaunch("/tmp/k1", Limits(memory_mb=512), None, nproc=300).wrap(["python", "-m", "ipykernel"])
        >>> cmd[cmd.index("--") + 1:], "NPROC=300" in cmd, f"AS={1536 * 1024 * 1024}" in cmd
        (['python', '-m', 'ipykernel'], True, True)
        """
        mb = 1024 * 1024
        limits = self.limits
        if self.server:
            return [sys.executable, "-I", "-S", SERVER, "client", self.server, os.path.join(self.connection_dir, "kernel.json"),
                    self.files, self.work, str(limits.notebook_timeout + 60)]
        prefix = [sys.executable, "-I", "-S", LAUNCHER, "--parent", str(os.getpid()),
                  "--rlimit", f"AS={limits.memory_mb * mb + 1024 * mb}",
                  "--rlimit", f"FSIZE={limits.max_file_mb * mb}",
                  "--rlimit", "CORE=0",
                  "--rlimit", f"CPU={limits.notebook_timeout + 60}"]
        if self.nproc:
            prefix += ["--rlimit", f"NPROC={self.nproc}"]
        for procs in self.cgroup_procs:
            prefix += ["--cgroup", procs]
        prefix.append("--")
        if self.sandbox is not None:
            prefix += self.sandbox.argv(connection_dir=self.connection_dir, input_dir=self.files,
                                        limits=limits)
        return prefix + command


class LimitedKernelManager(AsyncKernelManager):
    """An ``AsyncKernelManager`` whose kernel starts through :class:`KernelLaunch`.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> km = LimitedKernelManager(launch=KernelLaunch(folder, Limits(), None), kernel_name="python3")
    >>> km.transport, km.connection_file == f"{folder}/c/kernel.json"
    ('ipc', True)
    """

    def __init__(self, *, launch: KernelLaunch, **kwargs: Any) -> None:
        os.makedirs(launch.connection_dir, exist_ok=True)
        kwargs.setdefault("transport", "ipc")
        kwargs.setdefault("ip", os.path.join(launch.connection_dir, "k"))
        kwargs.setdefault("connection_file", os.path.join(launch.connection_dir, "kernel.json"))
        super().__init__(**kwargs)
        self.launch = launch
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        """Wrap the kernel command in the launcher and the sandbox."""
        return self.launch.wrap(super().format_kernel_cmd(extra_arguments))

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        env = dict(kw.get("env") or os.environ)
        env.pop("JPY_PARENT_PID", None)
        env["NBGRADER_EXECUTION"] = "autograde"
        kw["env"] = env
        kw["cwd"] = self.launch.files if self.launch.sandbox is None else self.launch.folder
        kw["stdout"] = subprocess.DEVNULL
        kw["stderr"] = open(self.launch.log_file, "ab")  # noqa: SIM115  (the kernel owns it)
        kw["stdin"] = subprocess.DEVNULL
        try:
            await super()._async_launch_kernel(kernel_cmd, **kw)
        finally:
            kw["stderr"].close()

    def exit_code(self) -> int | None:
        """The kernel process's exit code once it has ended, else None."""
        process = getattr(self.provisioner, "process", None)
        return None if process is None else process.poll()


class KernelServer:
    """A :mod:`course.grading.execute.kernel_server` process (in its own sandbox) that forks clean kernels.

    Examples
    --------
    >>> server = KernelServer(Path("/tmp/z1"), Limits(), sandbox=None, modules=["pandas"])  # doctest: +SKIP
    >>> launch = server.launch("k1")  # doctest: +SKIP
    """

    def __init__(self, folder: Path, limits: Limits, sandbox: Sandbox | None, modules: list[str]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.limits, self.sandbox = folder, limits, sandbox
        self.socket = str(folder / "s")
        for stale in (folder / "s", folder / "s.tmp"):  # left by a server that died
            stale.unlink(missing_ok=True)
        mb = 1024 * 1024
        command = [sys.executable, "-I", "-S", LAUNCHER, "--parent", str(os.getpid()),
                   "--rlimit", f"AS={limits.memory_mb * mb + 1024 * mb}", "--rlimit", f"FSIZE={limits.max_file_mb * mb}",
                   "--rlimit", "CORE=0", "--"]
        if sandbox is not None:
            command += sandbox.argv(connection_dir=str(folder), input_dir=str(folder), limits=limits)
        copies = sandbox.cache_copies() if sandbox is not None else []
        command += [sys.executable, "-m", "course.grading.execute.kernel_server", "serve", self.socket, json.dumps(copies),
                    *modules]
        with open(folder / "server.log", "ab") as log:
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                            cwd=str(folder))
        self.count = 0

    def alive(self) -> bool:
        """Whether the server still runs."""
        return self.process.poll() is None

    def launch(self, name: str) -> tuple[KernelLaunch, Path]:
        """Plan a clean kernel ``name``; return it and the folder to put the assignment's files in."""
        self.count += 1
        folder = self.folder / name
        (folder / "c").mkdir(parents=True)
        files = folder / "in"
        files.mkdir()
        work = f"{WORKDIR}/{self.count}" if self.sandbox is not None else str(folder / "work")
        return KernelLaunch(str(folder), self.limits, self.sandbox, files=str(files), server=self.socket,
                            work=work), files

    def close(self) -> None:
        """Stop the server and its kernels."""
        if self.alive():
            self.process.kill()
            self.process.wait()
