"""An import, or an upload, on a disk that is full: one clear sentence (a 503 page on the
web), nothing of it kept, never a traceback."""

from __future__ import annotations

import errno
import sqlite3
from io import BytesIO

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from openpyxl import load_workbook

from scorecard.cli.errors import CommandFailed
from scorecard.interchange.errors import storage_failure
from scorecard.measures.models import Measure, Observation
from tests.cycles.test_offline_and_reminders import rows_by_reading

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sqlite_full() -> sqlite3.OperationalError:
    problem = sqlite3.OperationalError("database or disk is full")
    problem.sqlite_errorcode = 13  # SQLITE_FULL, as the driver sets it
    return problem


def django_wrapped(problem: Exception) -> OperationalError:
    wrapped = OperationalError(str(problem))
    wrapped.__cause__ = problem
    return wrapped


FULL = {
    "no space": lambda: OSError(errno.ENOSPC, "No space left on device"),
    "sqlite full": sqlite_full,
    "postgres full": lambda: psycopg.errors.DiskFull(
        'could not extend file "base/16384/16400": No space left on device'
    ),
    "through django": lambda: django_wrapped(sqlite_full()),
}


@pytest.mark.parametrize("fault", FULL)
def test_an_import_on_a_full_disk_is_one_sentence_and_keeps_nothing(fault, tmp_path, monkeypatch):
    from scorecard.cli.importing import import_files as import_command

    (tmp_path / "measures.csv").write_text(
        "measure_id,title,polarity,unit,frequency,target\n"
        + "".join(f"M{n},Measure {n},higher,count,monthly,100\n" for n in range(3))
    )
    observations = tmp_path / "observations.csv"
    observations.write_text(
        "measure_id,period,value\n"
        + "".join(f"M{n},2020-{m:02d},{n + m}\n" for n in range(3) for m in range(1, 13))
    )

    def full(*args, **kwargs):
        raise FULL[fault]()

    # The measures are written, then the disk fills as the figures are.
    monkeypatch.setattr("scorecard.interchange.observation_writer.insert_rows", full)
    with pytest.raises(CommandFailed) as failed:
        import_command([tmp_path / "measures.csv", observations])
    message = str(failed.value)
    assert message.startswith("the import was not saved, as the disk could not be written (")
    assert "nothing of it was kept" in message and "\n" not in message
    assert not Measure.objects.exists() and not Observation.objects.exists()


def test_other_failures_of_an_import_are_not_called_a_full_disk(tmp_path, monkeypatch):
    from scorecard.cli.importing import import_files as import_command

    (tmp_path / "measures.csv").write_text(
        "measure_id,title,polarity,unit,frequency,target\nM1,Measure,higher,count,monthly,1\n"
    )
    (tmp_path / "observations.csv").write_text("measure_id,period,value\nM1,2020-01,1\n")

    def broken(*args, **kwargs):
        raise sqlite3.OperationalError("no such table: measures_observation")

    monkeypatch.setattr("scorecard.interchange.observation_writer.insert_rows", broken)
    with pytest.raises(sqlite3.OperationalError):
        import_command([tmp_path / "measures.csv", tmp_path / "observations.csv"])
    assert storage_failure(OSError(errno.EACCES, "Permission denied")) is None
    unreadable = sqlite3.OperationalError("disk I/O error")
    unreadable.sqlite_errorcode = 10 | 1 << 8  # SQLITE_IOERR_READ: not a write refused
    assert storage_failure(unreadable) is None
    assert storage_failure(OperationalError("server closed the connection")) is None


@pytest.fixture
def owner(demo_council):
    from scorecard.cycles.models import ReportingCycle
    from scorecard.demo.loader import add_demo_cycles, add_demo_users
    from tests.signing_in import signed_in

    add_demo_users()
    add_demo_cycles()
    client = signed_in("owner")
    client.raise_request_exception = False
    return client, ReportingCycle.objects.get(plan__plan_id="business-plan")


@pytest.mark.parametrize("fault", ["no space", "through django"])
def test_an_upload_on_a_full_disk_says_it_was_not_saved_and_keeps_nothing(
    fault, owner, monkeypatch
):
    client, cycle = owner
    response = client.get(f"/cycles/{cycle.pk}/template.xlsx")
    book = load_workbook(BytesIO(response.content))
    rows = rows_by_reading(book["Values"])
    filled = [("BP-HV-NBV", "2019/20 Q3"), ("BP-ASC-CQC", "2019-10")]
    for n, key in enumerate(filled):
        rows[key][6].value = 70 + n
        rows[key][9].value = "Typed before the disk filled"
    out = BytesIO()
    book.save(out)
    before = {key: stored(*key) for key in filled}

    saves = []
    original = Observation.save

    def fills_the_disk(self, *args, **kwargs):
        # The first figure is written; the disk is full by the second.
        saves.append(self)
        if len(saves) > 1:
            raise FULL[fault]()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Observation, "save", fills_the_disk)
    upload = SimpleUploadedFile("values.xlsx", out.getvalue(), content_type=XLSX)
    response = client.post(f"/cycles/{cycle.pk}/upload/", {"workbook": upload, "confirm": "on"})
    assert len(saves) > 1
    assert response.status_code == 503
    page = response.content.decode()
    assert "it has not been saved" in page and "Traceback" not in page
    assert "run out of room to store data" in page and "cannot reach its database" not in page
    monkeypatch.undo()
    assert {key: stored(*key) for key in filled} == before


def stored(measure_id: str, period: str):
    found = Observation.objects.filter(
        measure__measure_id=measure_id, period=period, breakdown=""
    ).first()
    return None if found is None else (found.value, found.commentary)
