"""Hardening (docs/security.md): login, owner isolation, loopback binding, secrets.

With settings.auth_users set, every route except the login form answers 401 without a session
(plain HTTP on 127.0.0.1, no cookie) and 200 after logging in; one user cannot open another's
drafts by guessing ids (service level and through the API); the app binds to 127.0.0.1 unless
configured otherwise; secrets are read from env / .env only and never printed or logged.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError
from pydantic import SecretStr

from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.workbench.models import DraftSession, Owner
from tests.conftest import CORPUS, ROOT
from tests.fixtures_app import BRIEF, free_port

USERS = {"alice": "pw-Alice-1", "bob": "pw-Bob-2", "carol": "pw-Carol-3"}
ALICE, BOB = Owner(id="user:alice", name="alice"), Owner(id="user:bob", name="bob")
REFUSED = {401, 403}
# Routes a browser or gradio_client uses; each must refuse a request without a session.
PROTECTED = [
    ("GET", "/config"),
    ("GET", "/gradio_api/info"),
    ("GET", "/gradio_api/openapi.json"),
    ("POST", "/gradio_api/call/chat"),
    ("POST", "/gradio_api/run/chat"),
    ("POST", "/gradio_api/api/chat"),
    ("POST", "/gradio_api/queue/join"),
    ("GET", "/gradio_api/queue/data?session_hash=abc"),
    ("POST", "/gradio_api/upload"),
    ("GET", "/gradio_api/upload_progress?upload_id=abc"),
    ("GET", "/monitoring"),
]


@pytest.fixture(scope="module")
def auth_app(app_server):
    """A second instance of the real app, with login on (same data dir as app_server)."""
    from app import create_app, launch

    users = ",".join(f"{u}:{p}" for u, p in USERS.items())
    settings = app_server.settings.model_copy(
        update={"port": free_port(), "auth_users": SecretStr(users)}
    )
    demo, workbench = create_app(settings)
    _, url, _ = launch(demo, settings, prevent_thread_lock=True)
    yield url.rstrip("/"), workbench
    demo.close()
    workbench.retriever.current.close()


def logged_in(url: str, user: str) -> httpx.Client:
    session = httpx.Client(base_url=url, timeout=30)
    response = session.post("/login", data={"username": user, "password": USERS[user]})
    assert response.status_code == 200 and session.cookies, response.text
    return session


def test_routes_refuse_requests_without_a_session(auth_app):
    url, _ = auth_app
    alice = logged_in(url, "alice")
    [uploaded] = alice.post("/gradio_api/upload", files=[("files", ("a.txt", b"x"))]).json()
    anonymous = httpx.Client(base_url=url, timeout=10, follow_redirects=False)
    for method, path in [*PROTECTED, ("GET", f"/gradio_api/file={uploaded}")]:
        response = anonymous.request(method, path, json={} if method == "POST" else None)
        assert response.status_code in REFUSED, (method, path, response.status_code)
    # The page itself serves only the login form: no components, no data.
    page = anonymous.get("/")
    assert "auth_required" in page.text and "draft-chat" not in page.text
    # …and a logged-in session gets all of it.
    assert "draft-chat" in alice.get("/").text
    for path in ("/config", "/gradio_api/info", f"/gradio_api/file={uploaded}"):
        assert alice.get(path).status_code == 200, path
    assert alice.get("/gradio_api/file=/etc/hostname").status_code in {403, 404}


def test_wrong_password_gets_no_session(auth_app):
    url, _ = auth_app
    session = httpx.Client(base_url=url, timeout=10)
    response = session.post("/login", data={"username": "alice", "password": USERS["bob"]})
    assert response.status_code in {400, 401}
    assert session.get("/config").status_code in REFUSED


def test_users_cannot_open_each_others_drafts_in_the_service(auth_app):
    _, workbench = auth_app
    *_, (session, _) = workbench.chat(DraftSession(), BRIEF, ALICE)
    draft_id = session.draft_id
    assert workbench.open_draft(ALICE, draft_id).draft == session.draft
    guesses = [draft_id, *(secrets.token_hex(6) for _ in range(30))]
    for guess in guesses:
        for attempt in (
            lambda g=guess: workbench.open_draft(BOB, g),
            lambda g=guess: workbench.versions(BOB, g),
            lambda g=guess: workbench.compare(f"draft:{g}", "current", BOB, session),
        ):
            with pytest.raises(AssistantError) as caught:
                attempt()
            # someone else's draft reads exactly like a missing one: no oracle for guessing
            assert str(caught.value) == f"找不到草稿「{guess}」，或它不属于当前用户。"
    assert draft_id not in {summary.draft_id for summary in workbench.drafts(BOB)}


def test_repeated_wrong_passwords_lock_the_user_name_for_a_while(auth_app):
    from webui.auth import MAX_FAILURES

    url, _ = auth_app

    def login(user: str, password: str) -> int:
        form = {"username": user, "password": password}
        return httpx.post(f"{url}/login", data=form, timeout=10).status_code

    assert login("carol", USERS["carol"]) == 200
    for _ in range(MAX_FAILURES):
        assert login("carol", "guess") not in (200,)
    assert login("carol", USERS["carol"]) != 200  # locked out, even with the right password
    assert login("alice", USERS["alice"]) == 200  # other names are not affected


def test_login_guard_counts_failures_per_name_and_forgets_them(monkeypatch):
    from webui.auth import LOCKOUT_S, MAX_FAILURES, LoginGuard

    now = [1000.0]
    guard = LoginGuard([("wang", "pw-1")], clock=lambda: now[0])
    for _ in range(MAX_FAILURES - 1):
        assert not guard("wang", "pw-x")
    assert guard("wang", "pw-1")  # a success before the limit clears the count
    for _ in range(MAX_FAILURES):
        assert not guard("wang", "pw-x")
        assert not guard("nobody", "pw-1")  # unknown names are counted the same way
    assert not guard("wang", "pw-1")
    now[0] += LOCKOUT_S + 1
    assert guard("wang", "pw-1")


def test_login_guard_limits_guesses_made_in_parallel():
    import threading

    from webui.auth import MAX_FAILURES, LoginGuard

    class CountingPasswords(dict):
        looked_up = 0

        def get(self, key, default=None):  # slow, so the 20 guesses overlap
            type(self).looked_up += 1
            time.sleep(0.05)
            return super().get(key, default)

    guard = LoginGuard([("wang", "pw-1")])
    guard._passwords = CountingPasswords(guard._passwords)
    start, answers = threading.Barrier(20), []

    def guess(n: int) -> None:
        start.wait()
        answers.append(guard("wang", f"guess-{n}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # 20 simultaneous guesses: only MAX_FAILURES of them ever reach a password comparison
    assert len(answers) == 20 and not any(answers)
    assert CountingPasswords.looked_up == MAX_FAILURES


def test_users_cannot_open_each_others_drafts_through_the_api(auth_app):
    url, _ = auth_app
    alice = Client(url, verbose=False, auth=("alice", USERS["alice"]))
    alice_token = alice.predict(None, api_name="/ensure_token")
    drafted = alice.predict(BRIEF, [], alice_token, api_name="/chat")
    draft_id = drafted[5]["value"]  # outputs: chat, input, grid, review, status, drafts, …
    bob = Client(url, verbose=False, auth=("bob", USERS["bob"]))
    # even with alice's browser token: when logged in, the login is the owner
    listed = bob.predict(alice_token, api_name="/list_drafts")["choices"]
    assert draft_id not in [value for _, value in listed]
    for version in (None, 1):
        with pytest.raises(AppError, match="找不到草稿"):
            bob.predict(draft_id, version, alice_token, api_name="/open_draft")
    # compare: gradio itself refuses a draft that is not among bob's own choices
    with pytest.raises(AppError) as caught:
        bob.predict(f"draft:{draft_id}@1", None, None, "table:000_0a362c379c5850c5-1", None, None,
                    alice_token, api_name="/compare")  # fmt: skip
    assert "燃气" not in str(caught.value)  # nothing of alice's draft in the answer
    chat, grid, *_ = alice.predict(draft_id, None, None, api_name="/open_draft")
    assert grid["data"] if isinstance(grid, dict) else grid  # the owner still can


def test_app_binds_to_loopback_unless_configured(monkeypatch, app_server):
    import app
    from webui.layout import launch_kwargs

    monkeypatch.delenv("JXMB_HOST", raising=False)
    default = Settings(_env_file=None)
    assert default.host == "127.0.0.1"
    captured = {}

    class FakeDemo:
        def launch(self, **kwargs):
            captured.update(kwargs)

    app.launch(FakeDemo(), default)
    assert captured["server_name"] == "127.0.0.1" and captured["auth"] is None
    assert launch_kwargs(default.model_copy(update={"host": "0.0.0.0"}))["server_name"] == "0.0.0.0"
    monkeypatch.setenv("JXMB_HOST", "192.0.2.10")
    assert Settings(_env_file=None).host == "192.0.2.10"  # configured, not hard-coded
    # The running test app listens on loopback only: not on this machine's other addresses.
    port = int(app_server.url.rstrip("/").rsplit(":", 1)[1])
    assert app_server.url.startswith("http://127.0.0.1:")
    for address in _other_addresses():
        with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
            pass


def _other_addresses() -> list[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    return sorted({i[4][0] for i in infos if not i[4][0].startswith("127.")})


def test_settings_never_show_secrets(monkeypatch, tmp_path):
    monkeypatch.setenv("JXMB_AUTH_USERS", "alice:s3cret-XYZ")
    monkeypatch.setenv("JXMB_OPENAI_API_KEY", "sk-secret-XYZ")
    settings = Settings(_env_file=None)
    assert settings.auth_users.get_secret_value() == "alice:s3cret-XYZ"
    for shown in (repr(settings), str(settings), settings.model_dump_json(), repr(vars(settings))):
        assert "s3cret-XYZ" not in shown and "sk-secret-XYZ" not in shown
    # The other source is .env in the working directory.
    monkeypatch.delenv("JXMB_AUTH_USERS")
    monkeypatch.delenv("JXMB_OPENAI_API_KEY")
    (tmp_path / ".env").write_text("JXMB_OPENAI_API_KEY=sk-from-dotenv-XYZ\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from_dotenv = Settings()
    assert from_dotenv.openai_api_key.get_secret_value() == "sk-from-dotenv-XYZ"
    assert "sk-from-dotenv-XYZ" not in repr(from_dotenv)


def test_secrets_never_reach_the_logs(app_server, tmp_path):
    """`python app.py` with secrets in env: start-up, a failed and a good login, a draft whose
    LLM call fails (OpenAI-compatible URL with nothing listening); the output never shows them."""
    from tests.fixtures_index import copy_embedding_cache

    data_dir = tmp_path / "data"
    copy_embedding_cache(app_server.settings, app_server.settings.model_copy(
        update={"data_dir": data_dir}))  # fmt: skip
    port, dead_port = free_port(), free_port()
    env = {
        **os.environ,
        "JXMB_DATA_DIR": str(data_dir),
        "JXMB_CORPUS_DIR": str(CORPUS),
        "JXMB_PORT": str(port),
        "JXMB_AUTH_USERS": "alice:s3cret-XYZ",
        "JXMB_OPENAI_API_KEY": "sk-secret-XYZ",
        "JXMB_LLM": "openai:test-model",
        "JXMB_OPENAI_BASE_URL": f"http://127.0.0.1:{dead_port}/v1",
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path / "app.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_serving(url, proc)
            bad = httpx.post(f"{url}/login", data={"username": "alice", "password": "s3cret-XYZ!"})
            assert bad.status_code in {400, 401}
            client = Client(url, verbose=False, auth=("alice", "s3cret-XYZ"))
            token = client.predict(None, api_name="/ensure_token")
            client.predict(BRIEF, [], token, api_name="/chat")  # the LLM call fails and is logged
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert "127.0.0.1" in output  # the start-up line was captured
    assert "s3cret-XYZ" not in output and "sk-secret-XYZ" not in output, output[-2000:]


def _wait_until_serving(url: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"app.py exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.5)
    raise AssertionError("app.py did not start serving")


def test_auth_file_is_read_and_malformed_entries_never_echo_a_password(tmp_path):
    from webui.auth import load_credentials

    path = tmp_path / "users.txt"
    path.write_text("# 用户\nwang:pw-1\nli:pw-2\n", encoding="utf-8")
    settings = Settings(_env_file=None, auth_file=path)
    assert load_credentials(settings) == [("wang", "pw-1"), ("li", "pw-2")]
    path.write_text("wang:pw-1\nli=s3cret-XYZ\n", encoding="utf-8")  # '=' typed for ':'
    with pytest.raises(AssistantError, match="格式不对") as caught:
        load_credentials(settings)
    assert "s3cret-XYZ" not in str(caught.value)
