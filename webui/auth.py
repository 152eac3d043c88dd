"""Optional login and the secret that keeps each browser's owner token private."""

from __future__ import annotations

import secrets
from pathlib import Path

from assistant.errors import AssistantError
from assistant.settings import Settings

SECRET_FILE = "browser_state.secret"


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
