"""Empty databases for tests that run the `scorecard` command as a separate process."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The migrated template of this test process (an SQLite file's path or a PostgreSQL database's
# name), made at its first use.
_templates: dict[str, str] = {}


@contextmanager
def fresh_database(tmp_path, name: str, *, migrated: bool = False) -> Iterator[str]:
    """A new, empty database of the kind the suite runs on: an SQLite file, or (when the suite
    runs on PostgreSQL) a database made for this test on the same server and dropped after.
    `migrated`: with the schema already in it, copied from one migrated once for the test
    process (the first command on an unmigrated database spends seconds migrating it)."""
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith("postgres"):
        path = tmp_path / f"{name}.sqlite3"
        if migrated:
            _copy_sqlite(_migrated_template(suite_url), path)
        yield f"sqlite:///{path}"
        return
    import psycopg

    database = f"scorecard_{name}_{uuid.uuid4().hex[:12]}"
    template = f' TEMPLATE "{_migrated_template(suite_url)}"' if migrated else ""
    with psycopg.connect(suite_url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{database}"{template}')
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


# Runs `scorecard.cli.entry.main` (what the `scorecard` command runs) once for each argument
# list read from stdin, in one process, and prints each command's exit status and what it wrote
# to stdout, as JSON: a process per command spends most of its time starting Python and Django.
_EACH = """
import contextlib, io, json, sys
from scorecard.cli.entry import main
results = []
for arguments in json.load(sys.stdin):
    written = io.StringIO()
    with contextlib.redirect_stdout(written):
        code = main(arguments)
    results.append([code, written.getvalue()])
print(json.dumps(results))
"""


def run_scorecard_each(cwd, environment: dict, commands: list[list[str]], timeout: int = 600):
    """`scorecard ARGUMENTS` for each of the commands, one after another in one process (in
    `cwd`, with exactly this environment): each command's exit status and stdout, and what
    they all wrote to stderr."""
    result = subprocess.run(
        [sys.executable, "-c", _EACH],
        input=json.dumps(commands),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return [tuple(each) for each in json.loads(result.stdout)], result.stderr


def _migrated_template(suite_url: str) -> str:
    """An empty database migrated as `scorecard` migrates one (the same settings and command),
    once for this test process: an SQLite file, or a PostgreSQL database that CREATE DATABASE
    copies as its TEMPLATE. Nothing connects to it after its migration, as TEMPLATE needs."""
    if suite_url in _templates:
        return _templates[suite_url]
    if suite_url.startswith("postgres"):
        import psycopg

        name = f"scorecard_template_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(suite_url, autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{name}"')
        atexit.register(drop_database, psycopg, suite_url, name)
        url = suite_url.rsplit("/", 1)[0] + f"/{name}"
    else:
        folder = tempfile.mkdtemp(prefix="scorecard-template-")
        atexit.register(shutil.rmtree, folder, True)
        name = str(Path(folder) / "migrated.sqlite3")
        url = f"sqlite:///{name}"
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "scorecard.settings.local",
        "DATABASE_URL": url,
    }
    migrate = [sys.executable, "-m", "django", "migrate", "--no-input", "--verbosity=0"]
    done = subprocess.run(migrate, capture_output=True, text=True, env=environment, timeout=300)
    assert done.returncode == 0, done.stderr
    _templates[suite_url] = name
    return name


def _copy_sqlite(template: str, path: Path) -> None:
    """A copy made with SQLite's backup API, whole and consistent whatever journal it keeps."""
    with sqlite3.connect(template) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    source.close()
    copy.close()
