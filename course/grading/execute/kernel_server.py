"""Clean kernels on demand: one sandboxed server per grading worker forks a fresh kernel per notebook.

The clean kernel of :mod:`course.grading.execute.judge` runs only the instructor's
code, so it need not pay for a new interpreter every time. The *server*
(``serve``), started once per worker inside its own sandbox, imports
ipykernel and the modules the instructor's cells import, and then only
waits; for each notebook it forks a child that copies the assignment's files
into a private working folder and becomes an ipykernel. The child is a fresh
process in which no trainee's code -- and no other notebook's -- ever ran.
Trainees' kernels never come from here: each keeps its own sandbox.

jupyter_client starts the *client* (``client``) as if it were the kernel: a
tiny process (``python -I -S``) that asks the server for a kernel and lives
exactly as long as it, so stopping or killing the client stops the kernel,
and the client's exit code is the kernel's.

Run as::

    python -m course.grading.execute.kernel_server serve SOCKET COPIES_JSON [MODULE ...]
    python -I -S kernel_server.py client SOCKET CONNECTION_FILE FILES WORK CPU_SECONDS

Examples
--------
>>> request = {"connection_file": "/k/c/kernel.json", "files": "/k/in", "work": "/grading/work/1", "cpu": 60}
>>> json.loads(_encode(request)) == request
True
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sys
import time

__all__ = ["client", "serve"]

_POLL = 0.05  # seconds between checks for ended kernels


def _encode(request: dict[str, object]) -> bytes:
    return json.dumps(request).encode() + b"\n"


def _read_line(conn: socket.socket, limit: int = 65536) -> bytes:
    data = b""
    while b"\n" not in data and len(data) < limit:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def _child(request: dict[str, object], keep: list[socket.socket]) -> None:  # pragma: no cover - runs after fork
    import resource
    import shutil

    for sock in keep:
        sock.close()
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)
    cpu = int(str(request.get("cpu", 660)))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    work = str(request["work"])
    shutil.copytree(str(request["files"]), work, dirs_exist_ok=True)
    os.chdir(work)
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=["-f", str(request["connection_file"])])
    os._exit(0)


def serve(path: str, copies: list[list[str]], modules: list[str]) -> None:  # pragma: no cover - in the sandbox
    """Copy ``[source, target]`` folders (caches), import what kernels need, then fork one per request on
    the Unix socket ``path`` (never returns)."""
    import importlib
    import shutil

    for source, target in copies:
        if os.path.isdir(source):
            shutil.copytree(source, target, dirs_exist_ok=True)
    for name in ["ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", *modules]:
        try:
            importlib.import_module(name)
        except Exception:  # a module the instructor's cells import may be missing; the cell will say so
            continue
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path + ".tmp")
    listener.listen(64)
    os.rename(path + ".tmp", path)  # the socket appears only once it accepts
    import selectors

    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    kernels: dict[int, tuple[socket.socket, str]] = {}
    while True:
        for key, _ in selector.select(_POLL):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            if sock is listener:
                conn, _ = listener.accept()
                try:
                    request = json.loads(_read_line(conn))
                except ValueError:
                    conn.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    _child(request, [listener, conn, *(c for c, _ in kernels.values())])
                kernels[pid] = (conn, str(request["work"]))
                selector.register(conn, selectors.EVENT_READ)
            elif not sock.recv(64):  # the client is gone: so goes its kernel
                for pid, (conn, _) in kernels.items():
                    if conn is sock:
                        _kill(pid)
                selector.unregister(sock)
        while kernels:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            conn, work = kernels.pop(pid)
            code = os.waitstatus_to_exitcode(status)
            with contextlib.suppress(OSError):
                conn.sendall(f"{code if code >= 0 else 128 - code}\n".encode())
            with contextlib.suppress(KeyError, ValueError):
                selector.unregister(conn)
            conn.close()
            shutil.rmtree(work, ignore_errors=True)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def client(path: str, connection_file: str, files: str, work: str, cpu: int) -> int:
    """Ask the server at ``path`` for a kernel and wait for it to end; return its exit code."""
    deadline = time.monotonic() + 60
    while True:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(path)
            break
        except OSError:
            conn.close()
            if time.monotonic() > deadline:
                return 70
            time.sleep(0.02)
    conn.sendall(_encode({"connection_file": connection_file, "files": files, "work": work, "cpu": cpu}))
    line = _read_line(conn)
    try:
        return int(line or b"71")
    except ValueError:
        return 71


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:2] == ["serve"]:
        serve(sys.argv[2], json.loads(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1:2] == ["client"]:
        os._exit(client(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])))
    raise SystemExit("usage: kernel_server.py serve SOCKET COPIES [MODULE ...] | client SOCKET CONNECTION FILES WORK CPU")
