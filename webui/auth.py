"""Optional login and the secret that keeps each browser's owner token private."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import Settings

SECRET_FILE = "browser_state.secret"
MAX_FAILURES, LOCKOUT_S = 5, 300
LOGIN_MESSAGE = (
    f"请输入用户名和密码。同一用户名 {LOCKOUT_S // 60} 分钟内输错 {MAX_FAILURES} 次将被暂时锁定。"
)
_MAX_TRACKED = 1000  # user names with recent failures kept in memory (guessing sprays names)


def parse_credentials(text: str, where: str) -> list[tuple[str, str]]:
    """'u:p,u2:p2' or one 'u:p' per line → pairs; malformed entries are an error, never skipped."""
    pairs = []
    for number, entry in enumerate(text.replace("\n", ",").split(","), start=1):
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if not sep or not user.strip() or not password:
            # The entry itself is not shown: a mistyped one may well hold a password.
            raise AssistantError(
                f"{where}中的第 {number} 项登录配置格式不对，应为「用户名:密码」。"
            )
        pairs.append((user.strip(), password))
    return pairs


def load_credentials(settings: Settings) -> list[tuple[str, str]] | None:
    """Users from settings.auth_users and settings.auth_file; None when login is off."""
    pairs = []
    if settings.auth_users is not None:
        pairs += parse_credentials(settings.auth_users.get_secret_value(), "JXMB_AUTH_USERS")
    if settings.auth_file is not None:
        path = Path(settings.auth_file)
        if not path.is_file():
            raise AssistantError(f"登录文件「{path}」不存在。")
        pairs += parse_credentials(path.read_text(encoding="utf-8"), f"登录文件「{path.name}」")
    return pairs or None


class LoginGuard:
    """Gradio's auth callable: compares passwords in constant time and refuses a user name while
    it has MAX_FAILURES wrong passwords in the last LOCKOUT_S seconds, so guessing is slow.
    Unknown names are counted the same way, so a lockout says nothing about who exists."""

    def __init__(self, pairs: list[tuple[str, str]], clock: Callable[[], float] = time.monotonic):
        self._passwords = dict(pairs)
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def __call__(self, username: str, password: str) -> bool:
        now = self._clock()
        with self._lock:
            recent = [t for t in self._failures.get(username, []) if now - t < LOCKOUT_S]
            if len(recent) >= MAX_FAILURES:
                return False
            # counted as a failure before the check, so parallel guesses are limited as well
            self._failures[username] = [*recent, now]
            self._forget_old(now)
        expected = self._passwords.get(username)
        ok = expected is not None and hmac.compare_digest(expected.encode(), password.encode())
        if ok:
            with self._lock:
                self._failures.pop(username, None)
        return ok

    def _forget_old(self, now: float) -> None:
        if len(self._failures) > _MAX_TRACKED:
            self._failures = {
                name: times for name, times in self._failures.items() if now - times[-1] < LOCKOUT_S
            }


def login_guard(settings: Settings) -> LoginGuard | None:
    """The auth callable for launch(), None when login is off."""
    pairs = load_credentials(settings)
    return LoginGuard(pairs) if pairs else None


def browser_secret(settings: Settings) -> str:
    """A secret kept in the data dir, so browser tokens stay readable after a restart."""
    path = settings.data_dir / SECRET_FILE
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(24)
    path.write_text(secret, encoding="utf-8")
    path.chmod(0o600)
    return secret
