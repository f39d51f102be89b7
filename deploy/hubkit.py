"""Run the course's hub for a test or a benchmark, and talk to it as its users do.

``temp_hub`` sets up a complete, throw-away deployment with real Linux accounts (set-up
script, PAM, LocalProcessSpawner, exchange, course folder) under a temporary folder, starts
JupyterHub on 127.0.0.1 and, on exit, stops every process it started and removes the
accounts, groups and folders. ``UserClient`` logs in with a password over HTTP, starts the
user's server, and runs code in a kernel on it (the Jupyter server's REST and WebSocket API).
Root only (accounts are created); loopback only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import DEFAULT, REPO, Settings, load

HERE = Path(__file__).resolve().parent
PROXY = REPO / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
SINGLEUSER_ENV = REPO / ".venv" / "hub-singleuser"  # cached between runs; `make clean` removes it


class HubError(RuntimeError):
    """The hub or a user's server did not do what was asked (the message says what)."""


def _port_block() -> int:
    """A port p with p, p+1 and p+2 free on 127.0.0.1 (hub, proxy API, hub API)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port > 65000:
            continue
        try:
            for p in (port + 1, port + 2):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
            return port
        except OSError:
            continue
    raise HubError("no three consecutive free ports on 127.0.0.1")


def setup(*args: str, config: Path, stdin: str | None = None, timeout: float = 900) -> str:
    """Run ``deploy/setup_hub.py ARGS`` with the settings file ``config``."""
    done = subprocess.run(
        [sys.executable, str(HERE / "setup_hub.py"), "--config", str(config), *args],
        input=stdin, text=True, capture_output=True, timeout=timeout, check=False,
    )
    if done.returncode:
        raise HubError(f"setup_hub.py {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def ensure_env(config: Path) -> None:
    """Build the single-user environment once per dependency list, the course when it changed."""
    s = load(config)
    deps_stamp, course_stamp = s.env / ".course-hub-deps", s.env / ".course-hub-course"
    deps = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for path in sorted((REPO / "course").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    course = digest.hexdigest()
    if not (deps_stamp.exists() and deps_stamp.read_text() == deps):
        shutil.rmtree(s.env, ignore_errors=True)
        setup("env", config=config)
    elif not (course_stamp.exists() and course_stamp.read_text() == course):
        setup("env", "--course-only", config=config)
    deps_stamp.write_text(deps)
    course_stamp.write_text(course)


@dataclass
class Hub:
    """A running throw-away hub."""

    settings: Settings
    prefix: Path
    config: Path
    process: subprocess.Popen[bytes]
    log: Path
    operator_token: str
    passwords: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.settings.url

    def api(self, method: str, path: str, **kwargs: object) -> requests.Response:
        """Call the hub's REST API with the operator's token."""
        headers = {"Authorization": f"token {self.operator_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)  # type: ignore[arg-type]

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:]

    def add_user(self, name: str, role: str) -> str:
        password = secrets.token_urlsafe(12)
        setup("add-user", name, "--role", role, "--password-stdin", config=self.config, stdin=password + "\n")
        self.passwords[name] = password
        return password


def _settings_copy(prefix: Path, tag: str, port: int, env: Path) -> Path:
    """The repository's course.toml with every path under ``prefix`` and tagged group names."""
    text = DEFAULT.read_text(encoding="utf-8")
    s = load(DEFAULT)
    replace = {
        f'"{s.instructors}"': f'"{s.instructors}-{tag}"',
        f'"{s.trainees}"': f'"{s.trainees}-{tag}"',
        f'"{s.exchange}"': f'"{prefix}{s.exchange}"',
        f'"{s.course_dir}"': f'"{prefix}{s.course_dir}"',
        f'"{s.hub_state}"': f'"{prefix}{s.hub_state}"',
        f'"{s.env}"': f'"{env}"',
        f'"{s.homes}"': f'"{prefix}{s.homes}"',
        f"port = {s.hub_port}": f"port = {port}",
    }
    for old, new in replace.items():
        if old not in text:
            raise HubError(f"{DEFAULT}: {old} not found")
        text = text.replace(old, new, 1)
    config = prefix / "course.toml"
    config.write_text(text, encoding="utf-8")
    return config


@contextmanager
def temp_hub(users: dict[str, str], start_timeout: float = 90) -> Iterator[Hub]:
    """A hub with ``users`` (name → "trainee" or "instructor"), removed afterwards."""
    if os.geteuid() != 0:
        raise HubError("the hub's set-up creates Linux accounts: run as root")
    if not PROXY.exists():
        raise HubError(f"{PROXY} is missing: run `make proxy` (npm install configurable-http-proxy)")
    tag = uuid.uuid4().hex[:6]
    prefix = Path(tempfile.mkdtemp(prefix=f"course-hub-{tag}-", dir="/tmp"))
    prefix.chmod(0o755)
    config = _settings_copy(prefix, tag, _port_block(), SINGLEUSER_ENV)
    s = load(config)
    names = {name: f"{name}{tag}" for name in users}  # unique Linux names, e.g. ann3fa2c1
    process: subprocess.Popen[bytes] | None = None
    log = prefix / "hub.log"
    try:
        ensure_env(config)
        setup("configure", config=config)
        token = secrets.token_hex(32)
        hub = Hub(s, prefix, config, None, log, token)  # type: ignore[arg-type]
        for name, role in users.items():
            hub.add_user(names[name], role)
        setup("check", config=config)  # the permissions the recipe promises
        env = {**os.environ, "COURSE_HUB_CONFIG": str(config), "COURSE_HUB_OPERATOR_TOKEN": token,
               "COURSE_HUB_PROXY": str(PROXY),
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        with log.open("wb") as handle:
            process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(HERE / "jupyterhub_config.py")],
                cwd=s.hub_state, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True,
            )
        hub.process = process
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                if requests.get(f"{s.url}/hub/api/", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise HubError(f"JupyterHub did not start within {start_timeout:.0f} s:\n{hub.log_tail()}")
            time.sleep(0.5)
        hub.names = names  # type: ignore[attr-defined]
        yield hub
    finally:
        _stop(process, s, list(names.values()))
        shutil.rmtree(prefix, ignore_errors=True)


def _stop(process: subprocess.Popen[bytes] | None, s: Settings, users: list[str]) -> None:
    """Stop the hub (it stops the servers and the proxy), then anything its users still run."""
    if process is not None and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    if process is not None:
        with contextlib.suppress(ProcessLookupError):  # the proxy and the culler, had the hub left them
            os.killpg(process.pid, signal.SIGKILL)
    for name in users:
        subprocess.run([sys.executable, str(HERE / "setup_hub.py"), "--config", str(s.source), "remove-user", name],
                       capture_output=True, check=False, timeout=60)
    for group in (s.instructors, s.trainees):
        subprocess.run(["groupdel", group], capture_output=True, check=False)


# ------------------------------------------------------------------ a user, over HTTP
class UserClient:
    """One user of the hub: logs in with a password, starts a server, runs code in a kernel."""

    def __init__(self, hub_url: str, name: str, password: str) -> None:
        self.hub_url, self.name, self.password = hub_url, name, password
        self.http = requests.Session()
        self.token = ""

    def _xsrf(self) -> dict[str, str]:
        return {"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/") or ""}

    def login(self) -> None:
        self.http.get(f"{self.hub_url}/hub/login", timeout=30).raise_for_status()
        r = self.http.post(
            f"{self.hub_url}/hub/login?next=",
            data={"username": self.name, "password": self.password,
                  "_xsrf": self.http.cookies.get("_xsrf", path="/hub/") or ""},
            allow_redirects=False, timeout=60,
        )
        if r.status_code != 302:
            raise HubError(f"{self.name}: login refused ({r.status_code})")

    def start_server(self, timeout: float = 120) -> float:
        """Start the user's server; seconds until it answers."""
        started = time.monotonic()
        r = self.http.post(f"{self.hub_url}/hub/api/users/{self.name}/server", headers=self._xsrf(), timeout=60)
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"{self.name}: server start refused ({r.status_code}): {r.text[:300]}")
        while time.monotonic() - started < timeout:
            time.sleep(1.0)  # gently: a class polling the hub also slows it down
            info = self.http.get(f"{self.hub_url}/hub/api/users/{self.name}", headers=self._xsrf(), timeout=60)
            if not info.ok:
                continue
            server = info.json().get("servers", {}).get("")
            if server and server.get("ready"):
                return time.monotonic() - started
            if not server:  # the hub gave up on it (start time-out, spawn error)
                raise HubError(f"{self.name}: the hub stopped trying to start the server after "
                               f"{time.monotonic() - started:.0f} s")
        raise HubError(f"{self.name}: server not ready after {timeout:.0f} s")

    def get_token(self) -> str:
        r = self.http.post(f"{self.hub_url}/hub/api/users/{self.name}/tokens", headers=self._xsrf(),
                           json={"note": "course", "expires_in": 7200}, timeout=30)
        r.raise_for_status()
        self.token = str(r.json()["token"])
        return self.token

    def server(self, method: str, path: str, **kwargs: object) -> requests.Response:
        """Call the user's Jupyter server (``/user/NAME/api...``) with the user's token."""
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.hub_url}/user/{self.name}{path}", headers=headers,  # type: ignore[arg-type]
                                timeout=120, **kwargs)

    def kernel(self) -> Kernel:
        r = self.server("POST", "/api/kernels", json={"name": "python3"})
        r.raise_for_status()
        return Kernel(self, str(r.json()["id"]))


class Kernel:
    """A kernel on a user's server, driven over its WebSocket."""

    def __init__(self, user: UserClient, kernel_id: str) -> None:
        import websocket  # websocket-client, a Jupyter server dependency

        self.user, self.id = user, kernel_id
        url = user.hub_url.replace("http", "ws", 1) + f"/user/{user.name}/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {user.token}"], timeout=180)
        self.session = uuid.uuid4().hex

    def execute(self, code: str, timeout: float = 180) -> tuple[str, list[str]]:
        """Run ``code``; return (printed text, error names)."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.user.name, "session": self.session,
                       "msg_type": "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        out: list[str] = []
        errors: list[str] = []
        deadline = time.monotonic() + timeout
        replied = idle = False
        while not (replied and idle):
            if time.monotonic() > deadline:
                raise HubError(f"{self.user.name}: a cell ran longer than {timeout:.0f} s")
            raw = self.ws.recv()
            if isinstance(raw, bytes):  # a message with binary buffers (a widget's data): not ours
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind in ("execute_result", "display_data"):
                out.append(str(msg["content"]["data"].get("text/plain", "")))
            elif kind == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        return "".join(out), errors

    def close(self) -> None:
        self.ws.close()
        self.user.server("DELETE", f"/api/kernels/{self.id}")
