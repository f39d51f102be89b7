"""JupyterHub for the course on one machine: real Linux accounts (PAM), one server per user.

Start it with ``make hub`` (as root, after ``deploy/setup_hub.py``; see docs/hub.md).
Every course setting comes from ``deploy/course.toml`` (or ``$COURSE_HUB_CONFIG``):

- trainees (Linux group ``[groups] trainees``) get JupyterLab with the assignment list and
  Validate only: the formgrader and the Create Assignment tools are switched off in their
  servers, and the server cannot load their own Jupyter configuration;
- instructors (``[groups] instructors``) get the formgrader on the shared course folder
  ``[paths] course_dir``;
- everyone shares nbgrader's exchange ``[paths] exchange`` under the course id;
- a Chinese cohort (``[course] language = "zh"``) gets COURSE_LANG=zh and JupyterLab in
  Chinese (the locale set by ``deploy/jupyter-zh``, copied to ``<env>/etc/course-zh``);
- idle servers are stopped by jupyterhub-idle-culler after ``[culler] timeout`` seconds;
- the hub listens on loopback only (``[hub] ip``).
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import load

c = get_config()  # noqa: F821  (provided by JupyterHub when it reads this file)
s = load()

# ------------------------------------------------------------------ network: loopback only
c.JupyterHub.ip = s.hub_ip
c.JupyterHub.port = s.hub_port
c.JupyterHub.hub_ip = s.hub_ip
c.ConfigurableHTTPProxy.api_url = f"http://{s.hub_ip}:{s.hub_port + 1}"
c.JupyterHub.hub_port = s.hub_port + 2
c.Spawner.ip = s.hub_ip
# the proxy from the local npm folder the Makefile fills (no global install)
_proxy = os.environ.get("COURSE_HUB_PROXY") or str(
    Path(__file__).resolve().parent.parent / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
)
c.ConfigurableHTTPProxy.command = [_proxy]

# ------------------------------------------------------------------ state
# s.hub_state is made (root only) by setup_hub.py configure
c.JupyterHub.db_url = f"sqlite:///{s.hub_state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(s.hub_state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(s.hub_state / "jupyterhub-proxy.pid")

# ------------------------------------------------------------------ who may log in: PAM, two groups
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.service = s.pam_service
c.PAMAuthenticator.open_sessions = False
c.Authenticator.allowed_groups = {s.trainees, s.instructors}
c.Authenticator.admin_users = set()
c.LocalAuthenticator.create_system_users = False  # accounts are made by setup_hub.py

# ------------------------------------------------------------------ each user's server
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(s.env / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# a whole class logging in at once queues on the CPU (make bench): wait up to 5 minutes
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 240
c.Spawner.mem_limit = s.memory  # shown to the server; enforced on Kubernetes (z2jh/values.yaml)
c.Spawner.cpu_limit = s.cpu


def groups_of(name: str) -> set[str]:
    """The Linux groups of user ``name`` (supplementary and primary)."""
    found = {g.gr_name for g in grp.getgrall() if name in g.gr_mem}
    with contextlib.suppress(KeyError):
        found.add(grp.getgrgid(pwd.getpwnam(name).pw_gid).gr_name)
    return found


def role_of(name: str) -> str:
    """``"instructor"`` or ``"trainee"``, from the user's Linux groups."""
    groups = groups_of(name)
    if s.instructors in groups:
        return "instructor"
    if s.trainees in groups:
        return "trainee"
    raise ValueError(f"user {name!r} is in neither {s.instructors!r} nor {s.trainees!r}")


def pre_spawn_hook(spawner) -> None:  # type: ignore[no-untyped-def]
    """Give the server its role's configuration and the course's settings."""
    role = role_of(spawner.user.name)
    config = s.instructor_config if role == "instructor" else s.trainee_config
    configs = [config, s.env / "etc" / "course-common"]
    if s.language == "zh":
        configs.append(s.language_config)  # JupyterLab's locale zh_CN
    spawner.environment.update({
        "JUPYTER_CONFIG_PATH": os.pathsep.join(str(p) for p in configs),
        "COURSE_LANG": s.language,
        "PATH": os.pathsep.join([str(s.env / "bin"), "/usr/local/bin", "/usr/bin", "/bin"]),
        "COURSE_ID": s.course_id,
        "COURSE_TIMEZONE": s.timezone,
        "TZ": s.timezone,
        "NBGRADER_EXCHANGE": str(s.exchange),
        "COURSE_ROLE": role,
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
    })
    if role == "instructor":
        spawner.notebook_dir = str(s.course_dir)  # the formgrader needs the course folder inside the server's root
        spawner.disable_user_config = False
    else:
        spawner.notebook_dir = "~"
        spawner.disable_user_config = True  # a trainee cannot switch the instructors' tools back on


c.Spawner.pre_spawn_hook = pre_spawn_hook

# ------------------------------------------------------------------ idle culler
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={s.cull_timeout}", f"--cull-every={s.cull_every}"],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]

# An operator's token (monitoring, the load test, the end-to-end test): only when given.
_operator = os.environ.get("COURSE_HUB_OPERATOR_TOKEN")
if _operator:
    c.JupyterHub.services.append({"name": "course-operator", "api_token": _operator})
    c.JupyterHub.load_roles.append({
        "name": "course-operator",
        "scopes": ["admin:users", "admin:servers", "list:users", "read:users"],
        "services": ["course-operator"],
    })
