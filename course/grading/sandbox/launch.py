"""Tiny launcher: set resource limits, join cgroups, then become the sandbox.

Run as ``python -I -S launch.py [--parent PID] [--rlimit NAME=VALUE]...
[--cgroup FILE]... -- COMMAND...``. It imports nothing from the course (the
interpreter starts isolated and without ``site``, so it costs milliseconds),
asks to be killed when its parent (the grading worker) dies, applies the
limits to itself, writes its process id into each ``cgroup.procs`` file, and
replaces itself with ``COMMAND`` (normally ``bwrap ...``), which inherits the
limits, the cgroups and the parent-death signal: every process the trainee's
code starts is counted, and nothing outlives the grader.

Examples
--------
>>> parse(["--rlimit", "AS=1024", "--cgroup", "/x/cgroup.procs", "--", "true"])
({'AS': 1024}, ['/x/cgroup.procs'], ['true'])
>>> parse(["--parent", "42", "--", "true"])
({'PARENT': 42}, [], ['true'])
"""

from __future__ import annotations

import os
import sys

__all__ = ["main", "parse"]


def parse(argv: list[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Split ``argv`` into limits, cgroup files and the command.

    Examples
    --------
    >>> parse(["--", "bwrap", "--ro-bind"])
    ({}, [], ['bwrap', '--ro-bind'])
    """
    limits: dict[str, int] = {}
    cgroups: list[str] = []
    index = 0
    while index < len(argv) and argv[index] != "--":
        flag, value = argv[index], argv[index + 1]
        if flag == "--rlimit":
            name, _, number = value.partition("=")
            limits[name] = int(number)
        elif flag == "--cgroup":
            cgroups.append(value)
        elif flag == "--parent":
            limits["PARENT"] = int(value)
        else:
            raise SystemExit(f"launch: unknown option {flag}")
        index += 2
    return limits, cgroups, argv[index + 1:]


def main(argv: list[str]) -> None:
    """Apply the limits and cgroups, then exec the command (never returns).

    Examples
    --------
    >>> main(["--rlimit", "CORE=0", "--", "true"])  # doctest: +SKIP
    """
    import resource

    limits, cgroups, command = parse(argv)
    parent = limits.pop("PARENT", None)
    if parent is not None and sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: kept across exec
        if os.getppid() != parent:  # the worker died before we asked
            os._exit(1)
    for name, value in limits.items():
        which = getattr(resource, "RLIMIT_" + name)
        _soft, hard = resource.getrlimit(which)
        wanted = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(which, (wanted, wanted))
    for procs in cgroups:
        with open(procs, "w") as handle:
            handle.write(str(os.getpid()))
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
