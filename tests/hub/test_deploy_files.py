"""The deployment files agree with deploy/course.toml, the one place for the course's settings.

What can be checked here without Kubernetes or Docker: the Zero-to-JupyterHub values and the
shared volumes parse and carry the same course id, time zone, groups, exchange, culler and
limits as the one-machine hub; the Dockerfile builds the same environment with the same
configuration; the hub's configuration reads its values from course.toml and listens on
loopback only; the hub's Python dependencies are installed by `make install`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(DEPLOY))

import settings  # noqa: E402

S = settings.load(settings.DEFAULT)
# top-level keys of the z2jh chart's values schema (chart 3.x/4.x)
Z2JH_KEYS = {"fullnameOverride", "nameOverride", "enabled", "imagePullSecrets", "imagePullSecret", "custom",
             "hub", "rbac", "proxy", "singleuser", "scheduling", "ingress", "prePuller", "cull", "debug",
             "global", "apps", "extraObjects"}


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return dict(yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text(encoding="utf-8")))


def test_values_use_only_keys_the_chart_knows(values: dict[str, Any]) -> None:
    assert set(values) <= Z2JH_KEYS, set(values) - Z2JH_KEYS
    assert set(values["cull"]) <= {"enabled", "users", "adminUsers", "removeNamedServers", "timeout", "every",
                                   "concurrency", "maxAge"}


def test_values_have_the_course_groups_exchange_culler_and_limits(values: dict[str, Any]) -> None:
    config = values["hub"]["config"]
    assert set(config["JupyterHub"]["load_groups"]) == {S.instructors, S.trainees}
    assert set(config["Authenticator"]["allowed_groups"]) == {S.instructors, S.trainees}
    env = values["singleuser"]["extraEnv"]
    assert env == {"COURSE_ID": S.course_id, "COURSE_TIMEZONE": S.timezone, "NBGRADER_EXCHANGE": str(S.exchange),
                   "COURSE_EXCHANGE_CHECK_OWNER": "0", "COURSE_LANG": S.language}
    mounts = {m["name"]: m["mountPath"] for m in values["singleuser"]["storage"]["extraVolumeMounts"]}
    assert mounts["nbgrader-exchange"] == str(S.exchange)
    assert values["cull"]["enabled"] is True
    assert (values["cull"]["timeout"], values["cull"]["every"]) == (S.cull_timeout, S.cull_every)
    assert values["singleuser"]["memory"]["limit"] == S.memory
    assert float(values["singleuser"]["cpu"]["limit"]) == S.cpu


def test_the_role_hook_compiles_and_uses_the_same_groups_paths_and_environment(values: dict[str, Any]) -> None:
    code = values["hub"]["extraConfig"]["course-roles"]
    compile(code, "extraConfig", "exec")
    assert f'"{S.instructors}"' in code
    assert str(S.course_dir) in code
    assert str(S.env / "etc" / "course-") in code  # the configuration the image holds
    assert str(S.language_config) in code and 'get("COURSE_LANG") == "zh"' in code


def test_the_shared_volumes_are_read_write_many_and_match_the_values(values: dict[str, Any]) -> None:
    claims = {d["metadata"]["name"]: d for d in yaml.safe_load_all((DEPLOY / "z2jh" / "exchange-pvc.yaml").read_text())}
    assert all(d["kind"] == "PersistentVolumeClaim" and d["spec"]["accessModes"] == ["ReadWriteMany"]
               for d in claims.values())
    used = {v["persistentVolumeClaim"]["claimName"] for v in values["singleuser"]["storage"]["extraVolumes"]}
    assert used | {"course-instructors"} == set(claims)
    assert "course-instructors" in values["hub"]["extraConfig"]["course-roles"]


def test_the_dockerfile_builds_the_same_environment_and_configuration() -> None:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    instructions = [ln.split()[0] for ln in text.replace("\\\n", " ").splitlines() if ln.strip() and not ln.startswith("#")]
    assert instructions[0] == "FROM" and set(instructions) <= {"FROM", "RUN", "COPY", "ENV", "USER", "WORKDIR",
                                                               "ENTRYPOINT", "CMD"}
    assert f"python -m venv {S.env}" in text and '[hub]"' in text
    assert "setup_hub.py" in text and "deploy/course.toml server-config" in text
    assert re.search(r"^USER 1000$", text, re.M), "the image must not run as root"
    assert 'CMD ["jupyterhub-singleuser"]' in text
    for copied in re.findall(r"^COPY (.+) /tmp/course/", text, re.M):
        for name in copied.split():
            assert (ROOT / name).exists(), f"the Dockerfile copies {name}, which is not in the repository"


def test_the_hub_config_reads_course_toml_and_listens_on_loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_HUB_CONFIG", str(settings.DEFAULT))
    monkeypatch.delenv("COURSE_HUB_OPERATOR_TOKEN", raising=False)
    c = PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY)).load_config()
    assert c.JupyterHub.ip == c.JupyterHub.hub_ip == c.Spawner.ip == "127.0.0.1"
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.Authenticator.allowed_groups == {S.instructors, S.trainees}
    culler = next(svc for svc in c.JupyterHub.services if svc["name"] == "idle-culler")
    assert f"--timeout={S.cull_timeout}" in culler["command"] and f"--cull-every={S.cull_every}" in culler["command"]
    assert c.Spawner.cmd == [str(S.env / "bin" / "jupyterhub-singleuser")]
    assert [svc["name"] for svc in c.JupyterHub.services] == ["idle-culler"]  # no operator without a token


def test_settings_refuse_a_non_loopback_address_and_name_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "course.toml"
    bad.write_text(settings.DEFAULT.read_text().replace('ip = "127.0.0.1"', 'ip = "0.0.0.0"'))
    with pytest.raises(ValueError, match=r"\[hub\] ip = '0.0.0.0'"):
        settings.load(bad)
    missing = tmp_path / "missing.toml"
    missing.write_text(settings.DEFAULT.read_text().replace('id = "pharma-rep-2026"', ""))
    with pytest.raises(ValueError, match=r"\[course\] id is missing"):
        settings.load(missing)


def test_the_settings_examples_run() -> None:
    import doctest

    assert doctest.testmod(settings).failed == 0


def test_make_install_installs_the_hub_extra_and_ci_installs_node() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "-e '.[test,dev,hub]'" in makefile
    assert "npm install" in makefile and "configurable-http-proxy@" in makefile and "-g" not in makefile.split("npm install")[1].split("\n")[0]
    assert re.search(r"nodejs|npm", (ROOT / ".ci" / "run").read_text())


def _spawn_environment(monkeypatch: pytest.MonkeyPatch, config: Path) -> dict[str, str]:
    """What the hub's pre-spawn hook gives a trainee's server under the settings at ``config``."""
    monkeypatch.setenv("COURSE_HUB_CONFIG", str(config))
    monkeypatch.delenv("COURSE_HUB_OPERATOR_TOKEN", raising=False)
    c = PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY)).load_config()
    hook = c.Spawner.pre_spawn_hook
    monkeypatch.setitem(hook.__globals__, "role_of", lambda name: "trainee")

    spawner = SimpleNamespace(environment={}, user=SimpleNamespace(name="trainee1"))
    hook(spawner)
    return dict(spawner.environment)


def test_a_chinese_cohort_gets_course_lang_and_jupyterlab_in_chinese(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    english = _spawn_environment(monkeypatch, settings.DEFAULT)
    assert S.language == "en" and english["COURSE_LANG"] == "en"
    assert str(S.language_config) not in english["JUPYTER_CONFIG_PATH"]
    chinese_toml = tmp_path / "course.toml"
    chinese_toml.write_text(settings.DEFAULT.read_text().replace('language = "en"', 'language = "zh"'))
    chinese = _spawn_environment(monkeypatch, chinese_toml)
    assert chinese["COURSE_LANG"] == "zh"
    assert chinese["JUPYTER_CONFIG_PATH"].split(":")[-1] == str(S.language_config)
    # what setup_hub.py copies there sets JupyterLab's locale
    overrides = json.loads((settings.ZH_LAB_CONFIG / "labconfig" / "default_setting_overrides.json").read_text())
    assert overrides == {"@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"}}
    chinese_toml.write_text(settings.DEFAULT.read_text().replace('language = "en"', 'language = "fr"'))
    with pytest.raises(ValueError, match=r"\[course\] language = 'fr': use one of en, zh"):
        settings.load(chinese_toml)


def test_server_config_writes_the_chinese_jupyterlab_settings_the_hub_adds(tmp_path: Path) -> None:
    toml = tmp_path / "course.toml"
    toml.write_text(settings.DEFAULT.read_text().replace(str(S.env), str(tmp_path / "env"))
                    .replace('language = "en"', 'language = "zh"'))
    done = subprocess.run([sys.executable, str(DEPLOY / "setup_hub.py"), "--config", str(toml), "server-config"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    chinese = settings.load(toml)
    written = chinese.language_config / "labconfig" / "default_setting_overrides.json"
    assert json.loads(written.read_text()) == {"@jupyterlab/translation-extension:plugin": {"locale": "zh_CN"}}
