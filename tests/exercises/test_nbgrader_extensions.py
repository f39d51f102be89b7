"""nbgrader's JupyterLab and server extensions are installed, in step with nbgrader, and enabled.

The instructor needs the "Create Assignment" sidebar and the formgrader; the trainee
needs the assignment list (fetch, submit) and the Validate button.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbgrader
import pytest
from jupyter_core.paths import jupyter_path

pytestmark = pytest.mark.slow

LAB_PLUGINS = ("create-assignment", "formgrader", "assignment-list", "validate-assignment")
SERVER_EXTENSIONS = ("formgrader", "validate_assignment", "assignment_list")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def jupyter(*args: str) -> str:
    """Output of ``jupyter ARGS`` from this environment, colours removed."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        [sys.executable, "-m", "jupyter", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return ANSI.sub("", done.stdout + done.stderr)


def test_the_lab_extension_matches_nbgrader_and_holds_every_plugin() -> None:
    found = [Path(p) / "@jupyter" / "nbgrader" for p in jupyter_path("labextensions")]
    folder = next((p for p in found if (p / "package.json").is_file()), None)
    assert folder is not None, "the @jupyter/nbgrader lab extension is not installed"
    assert json.loads((folder / "package.json").read_text())["version"] == nbgrader.__version__
    bundle = "".join(p.read_text(errors="replace") for p in (folder / "static").glob("*.js"))
    for plugin in LAB_PLUGINS:
        assert f"@jupyter/nbgrader:{plugin}" in bundle


def test_the_lab_extension_and_its_plugins_are_enabled() -> None:
    listing = jupyter("labextension", "list")
    line = re.search(r"@jupyter/nbgrader v(\S+) (\w+) (\w+)", listing)
    assert line, listing
    assert line.groups() == (nbgrader.__version__, "enabled", "OK")
    disabled = (
        listing.split("Disabled extensions:", 1)[1] if "Disabled extensions:" in listing else ""
    )
    for plugin in LAB_PLUGINS:
        assert not re.search(rf"@jupyter/nbgrader(:{plugin})?\s", disabled), f"{plugin} is disabled"


def test_the_server_extensions_are_enabled_and_valid() -> None:
    listing = jupyter("server", "extension", "list")
    for name in SERVER_EXTENSIONS:
        module = f"nbgrader.server_extensions.{name}"
        assert re.search(rf"^\s*{re.escape(module)} enabled\s*$", listing, re.M), (
            f"{module} is not enabled"
        )
        assert re.search(rf"^\s*{re.escape(module)}\s+OK\s*$", listing, re.M), (
            f"{module} does not load"
        )
