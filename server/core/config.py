"""The central service's settings: one frozen object, read from the environment once (`get_settings()`).

The database is PostgreSQL in production (`postgresql+psycopg://…`) and an embedded SQLite file by default, so a
fresh machine runs the service without setting anything up. The default file is `server.db` in the user's data
directory: `$XDG_DATA_HOME/fieldcase` (else `~/.local/share/fieldcase`) on Linux, `%LOCALAPPDATA%\\FieldCase` on
Windows, `~/Library/Application Support/FieldCase` on macOS.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.errors import AppError

DATABASE_URL_ENV = "FIELDCASE_DATABASE_URL"
FORWARDED_ALLOW_IPS_ENV = "FIELDCASE_FORWARDED_ALLOW_IPS"


def data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "FieldCase" if base else Path.home() / "AppData" / "Local" / "FieldCase"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "FieldCase"
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else Path.home() / ".local" / "share") / "fieldcase"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'server.db'}"


def normalise_database_url(url: str) -> str:
    """A SQLAlchemy URL: PostgreSQL always through psycopg 3; a bare file path means a SQLite file."""
    url = url.strip()
    if not url:
        raise AppError("資料庫位址不可空白。", "The database URL may not be empty.")
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    if "://" in url:
        raise AppError(
            f"不支援的資料庫位址：{url}（請用 postgresql://… 或 SQLite 檔案路徑）。",
            f"Unsupported database URL: {url} (use postgresql://… or the path of a SQLite file).",
        )
    return f"sqlite:///{Path(url).expanduser().resolve()}"


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=default_database_url)
    # Behind a reverse proxy (which terminates HTTPS), the client address comes from X-Forwarded-For sent by these.
    behind_proxy: bool = False
    forwarded_allow_ips: str = "127.0.0.1"
    # Request bodies: at most this many bytes on the wire and, once a gzip body is unpacked, in memory.
    max_body_bytes: int = 16 * 1024 * 1024
    login_max_failures: int = 5
    login_window_seconds: int = 15 * 60
    pool_size: int = 10
    max_overflow: int = 30

    def __post_init__(self) -> None:
        object.__setattr__(self, "database_url", normalise_database_url(self.database_url))


@cache
def get_settings() -> Settings:
    env_url = os.environ.get(DATABASE_URL_ENV)
    return Settings(
        database_url=env_url or default_database_url(),
        forwarded_allow_ips=os.environ.get(FORWARDED_ALLOW_IPS_ENV, "127.0.0.1"),
    )
