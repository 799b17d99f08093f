"""Settings read from the environment, checked in one place."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from scorecard.core.digits import whole_number

DEFAULT_DATABASE_FILE = "scorecard.sqlite3"


def database_url() -> str:
    """DATABASE_URL, else an SQLite file in the current folder."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{Path.cwd() / DEFAULT_DATABASE_FILE}"


SUPPORTED_SCHEMES = ("sqlite://", "postgres://", "postgresql://")


def database() -> dj_database_url.DBConfig:
    url = database_url()
    if not url.startswith(SUPPORTED_SCHEMES):
        raise ImproperlyConfigured(
            "DATABASE_URL must start with sqlite:/// (a file) or postgres:// (a server)"
        )
    # Seconds a server keeps its database connection between requests; 0 behind PgBouncer.
    config = dj_database_url.parse(url, conn_max_age=count("SCORECARD_CONN_MAX_AGE", 60))
    if config["ENGINE"].endswith("sqlite3"):
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    return config


# SQLite with several server threads and processes writing at once. Writers queue rather than
# fail at once with "database is locked" (a 503, and what was typed lost):
# - transaction_mode: every transaction takes the write lock when it begins (BEGIN IMMEDIATE),
#   waiting for it under the busy timeout. A transaction that begins as a read and then writes
#   cannot wait: SQLite refuses it at once with SQLITE_BUSY whatever the timeout, since the
#   writer ahead of it has changed what it read.
# - timeout: seconds a writer waits for the one ahead of it.
# - journal_mode=WAL: readers read while a writer writes (a long import no longer stops every
#   page); it is stored in the file, so setting it again on each connection costs nothing.
#   synchronous=NORMAL is the setting WAL is meant for: a commit is still atomic and survives a
#   crash of the server; only a power cut may lose the last commits, never corrupt the file.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def listed(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def count(name: str, default: int = 0) -> int:
    """A whole number of at least 0 (such as SCORECARD_PROXIES), checked now so a mistake stops
    the start."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if whole_number(text) is None:
        raise ImproperlyConfigured(f"{name} must be a whole number, 0 or more, not {text!r}")
    return int(text)


def risk_bands() -> str:
    """SCORECARD_RISK_BANDS, checked now so a mistake stops the start, not a risk page."""
    from scorecard.core.risk_scoring import RiskScoreError, parse_bands

    text = os.environ.get("SCORECARD_RISK_BANDS", "").strip()
    if text:
        try:
            parse_bands(text)
        except RiskScoreError as exc:
            raise ImproperlyConfigured(f"SCORECARD_RISK_BANDS: {exc}") from None
    return text
