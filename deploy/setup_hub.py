"""Set up (and take down) the course's JupyterHub on one Linux machine; run as root.

    python deploy/setup_hub.py env                  # the single-user environment ([paths] env)
    python deploy/setup_hub.py configure            # groups, exchange, course folder, configs
    python deploy/setup_hub.py server-config        # only the servers' configs (the Docker image)
    python deploy/setup_hub.py add-user NAME --role trainee|instructor [--password-stdin]
    python deploy/setup_hub.py remove-user NAME     # the account and its home folder
    python deploy/setup_hub.py check                # what a trainee may and may not read

Every value comes from deploy/course.toml (or $COURSE_HUB_CONFIG). See docs/hub.md.
"""

from __future__ import annotations

import argparse
import grp
import json
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import REPO, ZH_LAB_CONFIG, Settings, load

HERE = Path(__file__).resolve().parent
ROLES = ("trainee", "instructor")

# nbgrader's instructor tools, switched off in the trainees' servers
TRAINEE_DISABLED_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                        "@jupyter/nbgrader:course-list")
TRAINEE_DISABLED_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")

TRAINEE_NBGRADER = '''\
"""nbgrader for trainees: the course's exchange (written by deploy/setup_hub.py)."""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.course_id = os.environ.get("COURSE_ID", {course_id!r})
c.Exchange.root = os.environ.get("NBGRADER_EXCHANGE", {exchange!r})
c.Exchange.timezone = os.environ.get("COURSE_TIMEZONE", {timezone!r})
'''

INSTRUCTOR_NBGRADER = '''\
"""nbgrader for instructors: the shared course folder (written by deploy/setup_hub.py)."""
import os

c = get_config()  # noqa: F821
os.environ.setdefault("COURSE_ID", {course_id!r})
os.environ.setdefault("NBGRADER_EXCHANGE", {exchange!r})
os.environ.setdefault("COURSE_TIMEZONE", {timezone!r})
load_subconfig("nbgrader_config.py", path={course_dir!r})  # noqa: F821  (the course's own settings)
c.CourseDirectory.root = {course_dir!r}
c.CourseDirectory.groupshared = True  # every instructor can write what another made
if os.environ.get("COURSE_EXCHANGE_CHECK_OWNER", "1") != "0":  # "0" where all users share one uid (Kubernetes)
    c.SafeExchangeCollect.skip_foreign_owner = True  # the course's collect (nbgrader_config.py)
'''


def run(*command: str, stdin: str | None = None) -> None:
    """Run ``command``; stop with its error output when it fails."""
    done = subprocess.run(command, input=stdin, text=True, capture_output=True, check=False)
    if done.returncode:
        sys.exit(f"{' '.join(command[:3])} ... failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


# ------------------------------------------------------------------ the single-user environment
def make_env(s: Settings, python: str, course_only: bool) -> None:
    """A virtual environment every user can run, with the course and nbgrader (not editable:
    the repository, its solutions included, need not be readable by trainees)."""
    pip = [str(s.env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile"]
    real = Path(os.path.realpath(python))
    for folder in real.parents:
        if folder != Path("/") and not folder.stat().st_mode & stat.S_IXOTH:
            sys.exit(f"--python {python}: {folder} cannot be entered by other users (mode "
                     f"{oct(folder.stat().st_mode & 0o777)}); use an interpreter every user can run, "
                     "e.g. /usr/bin/python3")
    if not (s.env / "bin" / "python").exists():
        course_only = False
        s.env.parent.mkdir(parents=True, exist_ok=True)
        run(python, "-m", "venv", str(s.env))
        run(*pip, "--upgrade", "pip")
    if course_only:
        run(*pip, "--no-deps", "--force-reinstall", str(REPO))
    else:
        run(*pip, f"{REPO}[hub]")
    for folder in s.env.parents:  # every user must reach the environment
        if folder == Path("/"):
            break
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            sys.exit(f"{folder} is not reachable by other users (mode {oct(mode & 0o777)}): "
                     "put [paths] env where every user can read it")
    run("chmod", "-R", "a+rX", str(s.env))


# ------------------------------------------------------------------ groups, folders, configuration
def configure(s: Settings) -> None:
    """Groups, the exchange, the instructors' course folder and the servers' configuration."""
    for group in (s.instructors, s.trainees):
        run("groupadd", "-f", group)
    gid = grp.getgrnam(s.instructors).gr_gid

    # the hub's own state: root only
    s.hub_state.mkdir(parents=True, exist_ok=True)
    s.hub_state.chmod(0o700)

    # nbgrader's exchange: everyone writes, sticky like /tmp (nobody renames another's folder)
    s.exchange.mkdir(parents=True, exist_ok=True)
    s.exchange.chmod(0o1777)

    # the instructors' course folder: sources, solutions, gradebook; instructors only
    s.course_dir.mkdir(parents=True, exist_ok=True)
    for folder in ("exercises", "solutions"):
        if not (s.course_dir / folder).exists():
            shutil.copytree(REPO / folder, s.course_dir / folder,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    shutil.copy2(REPO / "nbgrader_config.py", s.course_dir / "nbgrader_config.py")
    for path in [s.course_dir, *s.course_dir.rglob("*")]:
        os.chown(path, 0, gid, follow_symlinks=False)
        if path.is_dir():
            path.chmod(0o2770)
        elif path.is_file():
            path.chmod(0o660)
    write_server_config(s)


def write_server_config(s: Settings) -> None:
    """The trainees' and instructors' Jupyter configuration, inside the environment."""
    common = s.env / "etc" / "course-common"
    write(common / "jupyter_server_config.json", json.dumps({
        # no news, no update checks; window.jupyterapp for the browser tests (the page is the user's own)
        "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                   "expose_app_in_browser": True},
    }, indent=2))
    # JupyterLab's defaults for everyone: no news or update pop-ups
    overrides = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                                 "checkForUpdates": False}}
    write(s.env / "share" / "jupyter" / "lab" / "settings" / "overrides.json", json.dumps(overrides, indent=2))

    names = dict(course_id=s.course_id, exchange=str(s.exchange), timezone=s.timezone,
                 course_dir=str(s.course_dir))
    write(s.trainee_config / "nbgrader_config.py", TRAINEE_NBGRADER.format(**names))
    write(s.trainee_config / "jupyter_server_config.json", json.dumps({
        "ServerApp": {"jpserver_extensions": dict.fromkeys(TRAINEE_DISABLED_SERVER, False)},
    }, indent=2))
    write(s.trainee_config / "labconfig" / "page_config.json", json.dumps({
        "disabledExtensions": dict.fromkeys(TRAINEE_DISABLED_LAB, True),
    }, indent=2))
    write(s.instructor_config / "nbgrader_config.py", INSTRUCTOR_NBGRADER.format(**names))
    # JupyterLab in Chinese for a Chinese cohort ([course] language = "zh"; the hub adds it)
    if s.language_config.exists():
        shutil.rmtree(s.language_config)
    shutil.copytree(ZH_LAB_CONFIG, s.language_config)
    run("chmod", "-R", "a+rX", str(s.env / "etc"), str(s.env / "share"))


# ------------------------------------------------------------------ accounts
def add_user(s: Settings, name: str, role: str, password: str) -> None:
    """A Linux account in the role's group, with a private home folder and a password."""
    if role not in ROLES:
        sys.exit(f"--role {role!r}: use one of {', '.join(ROLES)}")
    group = s.instructors if role == "instructor" else s.trainees
    try:
        pwd.getpwnam(name)
        run("usermod", "-a", "-G", group, name)
    except KeyError:
        s.homes.mkdir(parents=True, exist_ok=True)
        run("useradd", "--create-home", "--base-dir", str(s.homes), "--groups", group,
            "--shell", "/bin/bash", name)
    Path(pwd.getpwnam(name).pw_dir).chmod(0o700)  # nobody else reads a trainee's work
    run("chpasswd", stdin=f"{name}:{password}\n")


def remove_user(name: str) -> None:
    """The account, its home folder and every process it still runs."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        return
    subprocess.run(["pkill", "-KILL", "-u", name], check=False)  # this one user's processes
    home = Path(pwd.getpwnam(name).pw_dir)
    subprocess.run(["userdel", name], capture_output=True, check=False)
    try:
        pwd.getpwnam(name)
        sys.exit(f"userdel {name} failed: the account is still there")
    except KeyError:
        pass
    shutil.rmtree(home, ignore_errors=True)
    subprocess.run(["rm", "-f", f"/var/mail/{name}"], check=False)


def check(s: Settings) -> list[str]:
    """Problems in the folders' permissions (empty when all is as it should be)."""
    problems = []
    def mode(p: Path) -> int:
        return p.stat().st_mode & 0o7777
    if mode(s.exchange) != 0o1777:
        problems.append(f"{s.exchange}: mode {oct(mode(s.exchange))}, expected 0o1777")
    if mode(s.course_dir) & 0o007:
        problems.append(f"{s.course_dir}: readable by others (mode {oct(mode(s.course_dir))})")
    if grp.getgrgid(s.course_dir.stat().st_gid).gr_name != s.instructors:
        problems.append(f"{s.course_dir}: group is not {s.instructors}")
    if mode(s.hub_state) & 0o077:
        problems.append(f"{s.hub_state}: readable by others (mode {oct(mode(s.hub_state))})")
    for group in (s.trainees, s.instructors):
        for member in grp.getgrnam(group).gr_mem:
            home = Path(pwd.getpwnam(member).pw_dir)
            if home.exists() and mode(home) & 0o077:
                problems.append(f"{home}: readable by others (mode {oct(mode(home))})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="settings file (default: $COURSE_HUB_CONFIG or deploy/course.toml)")
    commands = parser.add_subparsers(dest="command", required=True)
    env = commands.add_parser("env", help="create or update the single-user environment")
    env.add_argument("--python", default="/usr/bin/python3",
                     help="the interpreter every user can run (default: %(default)s)")
    env.add_argument("--course-only", action="store_true", help="reinstall only the course package")
    commands.add_parser("configure", help="groups, exchange, course folder, server configuration")
    commands.add_parser("server-config", help="only the servers' configuration (e.g. in an image)")
    add = commands.add_parser("add-user", help="create a trainee's or an instructor's account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    remove = commands.add_parser("remove-user", help="remove an account and its home folder")
    remove.add_argument("name")
    commands.add_parser("check", help="check the folders' permissions")
    args = parser.parse_args(argv)
    if os.geteuid() != 0 and args.command != "server-config":
        sys.exit("run as root: the set-up creates accounts, groups and folders under /srv and /opt")
    s = load(args.config)
    if args.command == "env":
        make_env(s, args.python, args.course_only)
    elif args.command == "configure":
        configure(s)
    elif args.command == "server-config":
        write_server_config(s)
    elif args.command == "add-user":
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else secrets.token_urlsafe(9)
        if not password:
            sys.exit("--password-stdin: the password is empty")
        add_user(s, args.name, args.role, password)
        if not args.password_stdin:
            print(f"{args.name}\t{password}")
    elif args.command == "remove-user":
        remove_user(args.name)
    elif args.command == "check":
        problems = check(s)
        print("\n".join(problems) or "permissions: as they should be")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
