"""Empty databases for tests that run the `scorecard` command as a separate process."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def fresh_database(tmp_path, name: str) -> Iterator[str]:
    """A new, empty database of the kind the suite runs on: an SQLite file, or (when the suite
    runs on PostgreSQL) a database made for this test on the same server and dropped after."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / f'{name}.sqlite3'}"
        return
    import psycopg

    database = f"scorecard_{name}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(suite_url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{database}"')
    try:
        yield suite_url.rsplit("/", 1)[0] + f"/{database}"
    finally:
        drop_database(psycopg, suite_url, database)


def drop_database(psycopg, suite_url: str, name: str) -> None:
    """Drop the test's database. An autovacuum worker may still be in it for a moment, and only
    a superuser may end that: wait for it a little; the throwaway server goes at the end anyway."""
    busy = (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse)
    for _ in range(20):
        try:
            with psycopg.connect(suite_url, autocommit=True) as server:
                server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except busy:
            time.sleep(0.5)


def run_scorecard(cwd, environment: dict, *arguments: str, timeout: int = 300, **options):
    """`scorecard ARGUMENTS` as its own process, in `cwd`, with exactly this environment."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "scorecard", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
        **options,
    )
