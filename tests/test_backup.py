"""`scorecard backup` and `scorecard restore`: every row, history and audit trail included,
round-trips exactly; a restore is all or nothing and refuses what does not fit."""

import gzip
import json
import os

import pytest

from scorecard.audit.models import AuditEntry
from scorecard.backup import BackupError, backup, holds_data, restore
from scorecard.demo.loader import add_demo_users
from scorecard.measures.models import Measure, Observation, ObservationRevision
from tests.databases import fresh_database, run_scorecard

REVISED = "measure_id,period,value\nBP-HV-NBV,Q1 2019/20,86.2\n"


@pytest.fixture
def council(demo_council, tmp_path):
    """The demo with its users, a revised figure (so there is history) and audit entries."""
    from scorecard.audit.actor import acting_as
    from scorecard.interchange.importer import import_files

    add_demo_users()
    revised = tmp_path / "revised.csv"
    revised.write_text(REVISED)
    with acting_as("an officer"):
        import_files([revised], entered_by="an officer")
    assert ObservationRevision.objects.exists() and AuditEntry.objects.exists()


def unpacked(path) -> bytes:
    content = path.read_bytes()
    return gzip.decompress(content) if path.suffix == ".gz" else content


def objects_of(path):
    with open(path, encoding="utf-8") as source:
        return json.load(source)["objects"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["council.json", "council.json.gz"])
def test_a_backup_restored_over_other_data_backs_up_to_the_same_file(council, tmp_path, name):
    first = tmp_path / name
    rows = backup(first)
    assert rows > 1000
    Measure.objects.filter(measure_id="BP-HV-NBV").update(title="Changed after the backup")
    Observation.objects.filter(measure__measure_id="BP-FIN-RBO").delete()
    assert restore(first, replace=True) == rows
    second = tmp_path / f"again-{name}"
    backup(second)
    assert unpacked(first) == unpacked(second)
    assert Measure.objects.get(measure_id="BP-HV-NBV").title != "Changed after the backup"


@pytest.mark.django_db
def test_a_backup_keeps_history_audit_people_and_tokens(council, tmp_path):
    from django.contrib.auth.models import User
    from knox.models import AuthToken

    _, token = AuthToken.objects.create(User.objects.get(pk=_any_user_id()))
    path = tmp_path / "b.json"
    backup(path)
    labels = {row["model"] for row in objects_of(path)}
    assert {
        "measures.observationrevision",
        "audit.auditentry",
        "auth.user",
        "people.person",
        "knox.authtoken",
        "benchmarking.areavalue",
    } <= labels
    # Only the token's digest is kept: the token itself, which a program signs in with, is
    # nowhere in the file.
    assert token not in path.read_text()
    assert not labels & {"contenttypes.contenttype", "auth.permission", "sessions.session"}


def _any_user_id() -> int:
    from django.contrib.auth.models import User

    return User.objects.order_by("pk").values_list("pk", flat=True).first()


@pytest.mark.django_db
def test_a_restore_into_a_database_with_data_is_refused_without_replace(council, tmp_path):
    path = tmp_path / "b.json"
    backup(path)
    with pytest.raises(BackupError, match="already holds data.*--replace"):
        restore(path)


@pytest.mark.django_db
def test_a_file_that_is_not_a_backup_is_named(tmp_path):
    for text in ("not json", '{"format": "something else"}', "[1, 2]"):
        path = tmp_path / "x.json"
        path.write_text(text)
        with pytest.raises(BackupError, match="is not a Civic Scorecard backup"):
            restore(path)
    with pytest.raises(BackupError, match="cannot read"):
        restore(tmp_path / "missing.json")


@pytest.mark.django_db
def test_a_backup_of_other_migrations_is_refused(council, tmp_path):
    path = tmp_path / "b.json"
    backup(path)
    content = json.loads(path.read_text())
    content["migrations"]["measures"].append("9999_from_the_future")
    path.write_text(json.dumps(content))
    with pytest.raises(BackupError, match="other migrations"):
        restore(path, replace=True)


@pytest.mark.django_db
def test_a_restore_that_fails_half_way_leaves_the_database_as_it_was(council, tmp_path):
    path = tmp_path / "b.json"
    backup(path)
    content = json.loads(path.read_text())
    # A figure late in the file names a measure that is not in it.
    last_observation = max(
        i for i, row in enumerate(content["objects"]) if row["model"] == "measures.observation"
    )
    content["objects"][last_observation]["fields"]["measure"] = 987654321
    path.write_text(json.dumps(content))
    Measure.objects.filter(measure_id="BP-HV-NBV").update(title="Kept")
    before = (Observation.objects.count(), AuditEntry.objects.count())
    with pytest.raises(BackupError, match="does not fit"):
        restore(path, replace=True)
    assert (Observation.objects.count(), AuditEntry.objects.count()) == before
    assert Measure.objects.get(measure_id="BP-HV-NBV").title == "Kept"


def test_the_commands_move_a_council_to_a_new_database(tmp_path):
    """As a council moves servers: back up, restore into an empty database, back up again."""
    with fresh_database(tmp_path, "old") as old, fresh_database(tmp_path, "new") as new:
        base = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}

        def scorecard(url: str, *arguments: str):
            return run_scorecard(tmp_path, {**base, "DATABASE_URL": url}, *arguments)

        assert scorecard(old, "demo", "--no-serve").returncode == 0
        made = scorecard(old, "backup", "council.json.gz")
        assert made.returncode == 0, made.stderr
        assert "rows written to council.json.gz" in made.stderr
        restored = scorecard(new, "restore", "council.json.gz")
        assert restored.returncode == 0, restored.stderr
        assert scorecard(new, "backup", "again.json.gz").returncode == 0
        assert unpacked(tmp_path / "council.json.gz") == unpacked(tmp_path / "again.json.gz")
        refused = scorecard(new, "restore", "council.json.gz")
        assert refused.returncode == 1
        assert "already holds data" in refused.stderr
        # The restored council answers: its scorecard exports as the old one's did.
        exports = [
            scorecard(url, "export", "scorecard", "--period", "Q2 2019/20").stdout
            for url in (old, new)
        ]
        assert exports[0] == exports[1] and exports[0]


@pytest.mark.django_db
def test_an_empty_database_holds_no_data():
    assert not holds_data()


@pytest.mark.django_db
def test_a_backup_to_a_pipe_is_written_to_the_pipe(tmp_path):
    """Streamed to another program through a named pipe: the pipe stays a pipe (renamed over,
    it would become a plain file) and carries the whole backup."""
    import stat
    import threading

    pipe = tmp_path / "to-the-other-machine"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    count = backup(pipe)
    reader.join(timeout=60)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-the-other-machine"]
    assert len(json.loads(received[0])["objects"]) == count
