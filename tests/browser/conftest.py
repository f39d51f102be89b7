"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .lab import CHROMIUM, CHROMIUM_ARGS, LabServer, lab_server, shared_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed (apt-get install chromium); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


EXERCISE_IDS = sorted(p.parent.name for p in (ROOT / "exercises").glob("*/*.ipynb"))


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the course (lessons, exercises, nbgrader config) with every exercise released.

    The server works on the copy, so the repository stays clean.
    """
    _require_chromium()
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy2(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]}
    for assignment in EXERCISE_IDS:
        subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
            cwd=root, env=env, check=True, capture_output=True,
        )
    return root


@pytest.fixture(scope="session")
def server(lab_root: Path) -> Iterator[LabServer]:
    with lab_server(lab_root) as running:
        yield running


# what `COURSE_LANG=zh make lab` sets: the kernels' language and JupyterLab's locale (zh_CN)
ZH_LAB_ENV = {"COURSE_LANG": "zh", "JUPYTER_CONFIG_PATH": str(ROOT / "deploy" / "jupyter-zh")}


@pytest.fixture(scope="session")
def server_zh(lab_root: Path) -> Iterator[LabServer]:
    """The same course served as `COURSE_LANG=zh make lab` serves it: Chinese kernels and menus."""
    with lab_server(lab_root, ZH_LAB_ENV) as running:
        yield running


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> Iterator[object]:
    _require_chromium()
    chromium = shared_playwright(request.config).chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
