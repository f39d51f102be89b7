"""What a trainee must not be able to do on the course's hub, tried as a trainee would:
from his own server (his kernel, his token, his login), as his own Linux account."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from .conftest import kernel_of, run_as

EX = "ex2_time"  # the loop test uses another exercise; these checks stay out of its way

PROBE = """
import json, os
found = {}
for path in %r:
    try:
        if os.path.isdir(path):
            os.listdir(path)
        else:
            with open(path, 'rb') as f:
                f.read(10)
        found[path] = 'READ'
    except OSError as e:
        found[path] = type(e).__name__
print(json.dumps(found))
"""


def _probe(user: Any, paths: list[str]) -> dict[str, str]:
    out, errors = kernel_of(user).execute(PROBE % (paths,))
    assert not errors, errors
    return dict(json.loads(out.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def released(hub: Any, clients: dict[str, Any]) -> None:
    code, out = run_as(clients["ian"], f"nbgrader generate_assignment {EX} --force && "
                                        f"nbgrader release_assignment {EX} --force", str(hub.settings.course_dir))
    assert code == 0, out


def test_a_trainee_cannot_read_anothers_home_the_course_folder_the_gradebook_or_the_solutions(
    hub: Any, clients: dict[str, Any], released: None
) -> None:
    s = hub.settings  # released: the gradebook and the released copy now exist
    bob_home = f"{s.homes}/{hub.names['bob']}"
    ian_home = f"{s.homes}/{hub.names['ian']}"
    code, out = run_as(clients["bob"], "mkdir -p work && echo bob-secret > work/notes.txt", bob_home)
    assert code == 0, out
    course = s.course_dir
    forbidden = [
        bob_home, f"{bob_home}/work/notes.txt", ian_home,
        str(course), f"{course}/gradebook.db", f"{course}/solutions/{EX}/{EX}.ipynb",
        f"{course}/exercises/{EX}/{EX}.ipynb", f"{course}/source", f"{course}/nbgrader_config.py",
        str(s.hub_state), f"{s.hub_state}/jupyterhub.sqlite", f"{s.hub_state}/jupyterhub_cookie_secret",
        f"{s.exchange}/{s.course_id}/inbound",
    ]
    assert (course / "gradebook.db").exists() and (course / "solutions" / EX).is_dir()
    seen = _probe(clients["ann"], forbidden)
    readable = {path: result for path, result in seen.items() if result == "READ"}
    assert not readable, f"a trainee can read: {readable}"
    # ... while what he should see, he sees
    allowed = [f"{s.homes}/{hub.names['ann']}", f"{s.exchange}/{s.course_id}/outbound/{EX}/{EX}.ipynb"]
    assert set(_probe(clients["ann"], allowed).values()) == {"READ"}
    # the environment holds the course package only: no model answers in it
    code, out = run_as(clients["ann"], f"find {s.env} -name 'ex[0-9]_*' -o -name solutions | head -3", str(s.env))
    assert code == 0 and not out.strip(), f"exercise sources or solutions in the environment:\n{out}"


def test_a_trainee_cannot_hand_in_work_in_anothers_name(hub: Any, clients: dict[str, Any], released: None) -> None:
    s = hub.settings
    ann, bob = hub.names["ann"], hub.names["bob"]
    inbound = f"{s.exchange}/{s.course_id}/inbound"
    stamp = time.strftime("%Y-%m-%d %H:%M:%S.000000 UTC", time.gmtime(time.time() + 3600))
    forge = (f"nbgrader fetch_assignment {EX} && nbgrader submit {EX} && "
             f"echo 'forged by {ann}' >> {EX}/{EX}.ipynb && "
             f"cp -r {EX} '{inbound}/{bob}+{EX}+{stamp}+forged' && "
             f"echo '{stamp}' > '{inbound}/{bob}+{EX}+{stamp}+forged/timestamp.txt'")
    code, out = run_as(clients["ann"], forge, f"{s.homes}/{ann}")
    assert code == 0, out  # the exchange accepts the folder: it is the collector that must refuse it
    code, out = run_as(clients["ian"], f"nbgrader collect {EX}", str(s.course_dir))
    assert code == 0, out
    assert f"handed in as {bob}'s but belongs to {ann}" in out, out
    submitted = s.course_dir / "submitted"
    assert (submitted / ann / EX).is_dir(), out
    assert not (submitted / bob / EX).exists(), f"a submission forged in {bob}'s name was collected"


def test_a_trainee_cannot_reach_the_formgrader(hub: Any, clients: dict[str, Any]) -> None:
    ann, ian = clients["ann"], hub.names["ian"]
    # not in his own server ...
    assert ann.server("GET", "/formgrader/").status_code == 404
    assert ann.server("GET", "/formgrader/api/assignments").status_code == 404
    # ... nor in the instructor's, with his token or his login
    with_token = ann.server("GET", "/formgrader/").request.url.replace(f"/user/{ann.name}/", f"/user/{ian}/")
    r = ann.http.get(with_token, headers={"Authorization": f"token {ann.token}"}, timeout=60)
    assert r.status_code == 403, (r.status_code, r.text[:300])
    r = ann.http.get(f"{hub.url}/user/{ian}/formgrader/api/assignments", timeout=60)
    assert r.status_code == 403 or "formgrader" not in r.url, (r.status_code, r.url)
    assert "gradebook" not in r.text.lower()
    r = ann.http.get(f"{hub.url}/hub/api/users/{ian}", headers={"Authorization": f"token {ann.token}"}, timeout=60)
    assert r.status_code in (403, 404), r.status_code
    # ... nor by switching it back on in his own Jupyter configuration
    code, out = run_as(ann, "mkdir -p .jupyter && echo '" + json.dumps({"ServerApp": {"jpserver_extensions": {
        "nbgrader.server_extensions.formgrader": True}}}) + "' > .jupyter/jupyter_server_config.json",
        f"{hub.settings.homes}/{ann.name}")
    assert code == 0, out
    r = ann.http.delete(f"{hub.url}/hub/api/users/{ann.name}/server", headers=ann._xsrf(), timeout=60)
    assert r.status_code in (202, 204), r.status_code
    for _ in range(120):
        info = ann.http.get(f"{hub.url}/hub/api/users/{ann.name}", headers=ann._xsrf(), timeout=30).json()
        if not info.get("servers"):
            break
        time.sleep(0.5)
    ann.start_server()
    assert ann.server("GET", "/formgrader/").status_code == 404


def test_the_idle_culler_runs_as_a_hub_service(hub: Any) -> None:
    """jupyterhub-idle-culler is started by the hub and asks it for idle servers."""
    seen = ""
    for _ in range(60):
        seen = hub.log.read_text(errors="replace")
        if "/hub/api/users" in seen and "(idle-culler@127.0.0.1)" in seen:
            break
        time.sleep(1)
    assert "(idle-culler@127.0.0.1)" in seen, f"the culler never called the hub:\n{hub.log_tail()}"
