"""The hub's settings, read from ``deploy/course.toml`` (or ``$COURSE_HUB_CONFIG``).

Every part of the deployment (the hub's configuration, the set-up script, the tests, the
bench) reads the course id, time zone, groups, paths and culler from here, so they cannot
disagree.

Examples
--------
>>> s = load(DEFAULT)
>>> s.hub_ip
'127.0.0.1'
>>> s.language in LANGUAGES
True
>>> s.course_id == load(DEFAULT).course_id
True
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "course.toml"
REPO = HERE.parent
LANGUAGES = ("en", "zh")
# JupyterLab's menus in Chinese: a Jupyter configuration folder (labconfig/ sets the locale)
ZH_LAB_CONFIG = HERE / "jupyter-zh"


@dataclass(frozen=True)
class Settings:
    """One deployment's settings (see ``course.toml`` for each field's meaning)."""

    source: Path
    course_id: str
    timezone: str
    language: str
    instructors: str
    trainees: str
    exchange: Path
    course_dir: Path
    hub_state: Path
    env: Path
    homes: Path
    hub_ip: str
    hub_port: int
    pam_service: str
    cull_timeout: int
    cull_every: int
    memory: str
    cpu: float

    @property
    def url(self) -> str:
        """The hub's address."""
        return f"http://{self.hub_ip}:{self.hub_port}"

    @property
    def trainee_config(self) -> Path:
        """Jupyter configuration folder of the trainees' servers."""
        return self.env / "etc" / "course-trainee"

    @property
    def instructor_config(self) -> Path:
        """Jupyter configuration folder of the instructors' servers."""
        return self.env / "etc" / "course-instructor"

    @property
    def language_config(self) -> Path:
        """Jupyter configuration folder that shows JupyterLab in Chinese (a Chinese cohort's)."""
        return self.env / "etc" / "course-zh"


def load(path: Path | str | None = None) -> Settings:
    """Read the settings from ``path``, ``$COURSE_HUB_CONFIG`` or ``deploy/course.toml``.

    Raises ``ValueError`` naming the field when a value is missing or not allowed.
    """
    source = Path(path or os.environ.get("COURSE_HUB_CONFIG") or DEFAULT).resolve()
    data = tomllib.loads(source.read_text(encoding="utf-8"))

    def get(section: str, key: str) -> object:
        try:
            return data[section][key]
        except KeyError:
            raise ValueError(f"{source}: [{section}] {key} is missing") from None

    def path_(key: str) -> Path:
        value = Path(str(get("paths", key)))
        if not value.is_absolute():
            raise ValueError(f"{source}: [paths] {key} = {value!s} must be an absolute path")
        return value

    ip = str(get("hub", "ip"))
    if not ip.startswith("127."):
        # the course's own hub listens on loopback; a TLS proxy in front serves the class
        raise ValueError(f"{source}: [hub] ip = {ip!r}: only a loopback address (127.x.x.x) is allowed")
    course_id = str(get("course", "id"))
    if not course_id or not all(ch.isalnum() or ch in "-_" for ch in course_id):
        raise ValueError(f"{source}: [course] id = {course_id!r}: use letters, digits, '-' or '_'")
    language = str(data.get("course", {}).get("language", "en"))
    if language not in LANGUAGES:
        raise ValueError(f"{source}: [course] language = {language!r}: use one of {', '.join(LANGUAGES)}")
    return Settings(
        source=source,
        course_id=course_id,
        timezone=str(get("course", "timezone")),
        language=language,
        instructors=str(get("groups", "instructors")),
        trainees=str(get("groups", "trainees")),
        exchange=path_("exchange"),
        course_dir=path_("course_dir"),
        hub_state=path_("hub_state"),
        env=path_("env"),
        homes=path_("homes"),
        hub_ip=ip,
        hub_port=int(str(get("hub", "port"))),
        pam_service=str(get("hub", "pam_service")),
        cull_timeout=int(str(get("culler", "timeout"))),
        cull_every=int(str(get("culler", "every"))),
        memory=str(get("limits", "memory")),
        cpu=float(str(get("limits", "cpu"))),
    )
