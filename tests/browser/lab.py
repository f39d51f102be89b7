"""Drive JupyterLab in headless Chromium: start a server, open notebooks, run them."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
TOKEN = "course-browser-tests"


@dataclass
class LabServer:
    """A running JupyterLab server on loopback."""

    url: str
    root: Path
    process: subprocess.Popen[bytes]
    log: Path

    def open_url(self, path: str) -> str:
        """The address that opens ``path`` (relative to the root) in JupyterLab."""
        return f"{self.url}/lab/tree/{path}?token={TOKEN}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def lab_server(root: Path, env_extra: dict[str, str] | None = None) -> Iterator[LabServer]:
    """Start JupyterLab from this environment with ``root`` as its folder."""
    port = _free_port()
    bin_dir = str(Path(sys.executable).parent)
    runtime = root / ".runtime"
    runtime.mkdir(exist_ok=True)
    # render every cell (no virtual scrolling), so off-screen outputs can be read
    settings = runtime / "lab-settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "JUPYTER_RUNTIME_DIR": str(runtime),
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTERLAB_SETTINGS_DIR": str(runtime / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(runtime / "lab-workspaces"),
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        **(env_extra or {}),
    }
    log = root / ".runtime" / "lab.log"
    handle = log.open("wb")
    process = subprocess.Popen(
        [
            sys.executable, "-m", "jupyterlab",
            "--no-browser", f"--port={port}", "--ip=127.0.0.1", "--allow-root",
            f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=", "--LabApp.expose_app_in_browser=True",
            "--ServerApp.disable_check_xsrf=False",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        cwd=root, env=env, stdout=handle, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + log.read_text()[-3000:]) from None
                time.sleep(0.5)
        yield LabServer(url, root, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        handle.close()


def shared_playwright(config: pytest.Config) -> Any:
    """One Playwright per test run: its sync API cannot be started twice at once, and the
    hub tests (tests/hub) drive Chromium too."""
    running = getattr(config, "course_playwright", None)
    if running is None:
        from playwright.sync_api import sync_playwright

        running = sync_playwright().start()
        config.course_playwright = running  # type: ignore[attr-defined]
        config.add_cleanup(running.stop)
    return running
