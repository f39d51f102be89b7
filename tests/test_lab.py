"""`make lab` opens the English course; `COURSE_LANG=zh make lab` the Chinese edition, with
JupyterLab's own menus in Chinese (the zh-CN language pack, locale set by deploy/jupyter-zh).
The browser suite (tests/browser/test_chinese.py) sees the menus; this checks the set-up."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest
from jupyterlab_server.settings_utils import _get_overrides
from jupyterlab_server.translation_utils import get_language_packs

ROOT = Path(__file__).resolve().parents[1]
LOCALE_PLUGIN = "@jupyterlab/translation-extension:plugin"


def _lab_command(language: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COURSE_LANG", "JUPYTER_CONFIG_PATH",
                                                             "MAKEFLAGS", "MFLAGS")}
    if language:
        env["COURSE_LANG"] = language
    done = subprocess.run(["make", "-n", "--no-print-directory", "lab"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    command = done.stdout.replace("\\\n", " ").strip().splitlines()[-1]
    return shlex.split(command)


def test_make_lab_opens_the_english_welcome_in_english() -> None:
    words = _lab_command(None)
    assert "--LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb" in words
    assert not any(w.startswith("JUPYTER_CONFIG_PATH=") for w in words)


def test_course_lang_zh_opens_the_chinese_welcome_with_jupyterlab_in_chinese(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    words = _lab_command("zh")
    assert "--LabApp.default_url=/lab/tree/notebooks/zh/00_welcome.ipynb" in words
    config = next(w for w in words if w.startswith("JUPYTER_CONFIG_PATH=")).split("=", 1)[1]
    # JupyterLab's own look-up of default settings, with that configuration path
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", config)
    overrides, error = _get_overrides(str(tmp_path))
    assert not error and overrides[LOCALE_PLUGIN] == {"locale": "zh_CN"}
    monkeypatch.delenv("JUPYTER_CONFIG_PATH")
    overrides, _error = _get_overrides(str(tmp_path))
    assert LOCALE_PLUGIN not in overrides, "English users keep JupyterLab's default locale"


def test_the_chinese_language_pack_is_installed() -> None:
    packs, _message = get_language_packs("zh_CN")
    assert "zh_CN" in packs, "pip install jupyterlab-language-pack-zh-cn (pyproject lists it)"
    assert packs["zh_CN"]["nativeName"].startswith("中文")
