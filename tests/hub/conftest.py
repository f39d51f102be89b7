"""Fixtures for the hub tests: the course's JupyterHub with real accounts, and Chromium.

The hub runs on 127.0.0.1 only, as set up by ``deploy/setup_hub.py`` under a temporary
folder (see ``deploy/hubkit.py``). On exit every process it started is stopped and the test
accounts, groups and folders are removed. Root, npm's configurable-http-proxy (``make proxy``)
and Chromium are needed: without them the tests are skipped, and fail under CI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

import hubkit  # noqa: E402

from tests.browser.lab import CHROMIUM, CHROMIUM_ARGS, shared_playwright  # noqa: E402

ARTIFACTS = ROOT / "artifacts" / "screenshots"
USERS = {"ann": "trainee", "bob": "trainee", "ian": "instructor"}
Page = Any  # playwright.sync_api.Page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and "hub" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.hub)
            item.add_marker(pytest.mark.slow)


def _require(condition: bool, message: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def hub() -> Iterator[hubkit.Hub]:
    _require(os.geteuid() == 0, "the hub tests create Linux accounts: run them as root")
    _require(hubkit.PROXY.exists(), "configurable-http-proxy is missing: run `make proxy`")
    _require(Path("/usr/bin/python3").exists(), "the single-user environment needs /usr/bin/python3")
    with hubkit.temp_hub(USERS) as running:
        yield running


@pytest.fixture(scope="session")
def clients(hub: hubkit.Hub) -> dict[str, hubkit.UserClient]:
    """Each user logged in over HTTP, server started, with an API token."""
    found = {}
    for short in USERS:
        name = hub.names[short]  # type: ignore[attr-defined]
        user = hubkit.UserClient(hub.url, name, hub.passwords[name])
        user.login()
        try:
            user.start_server()
        except hubkit.HubError as error:
            raise hubkit.HubError(f"{error}\n--- hub log ---\n{hub.log_tail()}") from None
        user.get_token()
        found[short] = user
    return found


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    _require(Path(CHROMIUM).exists(), "Chromium is not installed (apt-get install chromium)")
    chromium = shared_playwright(request.config).chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def browser_login(browser: Any, hub: hubkit.Hub, short: str) -> Page:
    """A new browser window in which ``short`` logged in with his password; JupyterLab open."""
    name = hub.names[short]  # type: ignore[attr-defined]
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)  # the machine may be busy: generous, still bounded
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", hub.passwords[name])
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{name}/lab**", timeout=120_000)
    page.wait_for_function("() => !!window.jupyterapp", timeout=90_000)
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    return page


_KERNELS: dict[tuple[str, str], hubkit.Kernel] = {}


def kernel_of(user: hubkit.UserClient) -> hubkit.Kernel:
    """One kernel per user and server token, kept for the session (the hub's exit stops it)."""
    key = (user.name, user.token)
    if key not in _KERNELS:
        _KERNELS[key] = user.kernel()
    return _KERNELS[key]


def run_as(user: hubkit.UserClient, command: str, cwd: str, timeout: float = 300) -> tuple[int, str]:
    """Run a shell command on ``user``'s server, as that user (through a kernel of his server)."""
    out, errors = kernel_of(user).execute(
        "import subprocess\n"
        f"_r = subprocess.run({command!r}, shell=True, cwd={cwd!r}, capture_output=True, text=True,"
        f" timeout={timeout})\n"
        "print(_r.returncode)\nprint(_r.stdout[-4000:])\nprint(_r.stderr[-4000:])",
        timeout=timeout + 30,
    )
    assert not errors, errors
    code, _, rest = out.partition("\n")
    return int(code), rest
