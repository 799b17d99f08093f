"""Observations are checked a row at a time and written a batch at a time: what happens at the
batch boundaries, the audit entries written as plain rows, and the fast check against the
full one."""

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.audit.models import AuditEntry
from scorecard.audit.values import snapshot
from scorecard.interchange import observation_stream, observation_writer
from scorecard.interchange.context import Catalogue, MeasureFacts
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files
from scorecard.interchange.observation_rows import Seen
from scorecard.interchange.readers import stream_rows
from scorecard.measures.models import Observation, ObservationRevision, Target

pytestmark = pytest.mark.django_db

MEASURES = (
    "measure_id,title,polarity,unit,frequency,target\n"
    "A,Measure A,higher,count,monthly,100\n"
    "P,Measure P,higher,percent,monthly,90\n"
)
ROWS = 11  # more than three batches of 3


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(observation_writer, "BATCH", 3)


def month(n: int) -> str:
    return f"{2019 + n // 12}-{n % 12 + 1:02d}"


def observations(rows=ROWS, value=lambda n: n, extra=()) -> str:
    """Measure A's figures from 2019-01, a month a row (row n + 2 of the file is month n)."""
    lines = ["measure_id,period,value", *[f"A,{month(n)},{value(n)}" for n in range(rows)]]
    return "\n".join([*lines, *extra]) + "\n"


def written() -> tuple[int, int, int, int]:
    return (
        Observation.objects.count(),
        ObservationRevision.objects.count(),
        Target.objects.count(),
        AuditEntry.objects.count(),
    )


def test_an_error_in_the_last_batch_leaves_nothing_written(write):
    import_files([write("m.csv", MEASURES)])
    before = written()
    text = observations(extra=["A,2021-01,lots"])
    with pytest.raises(ImportRejected) as caught:
        import_files([write("o.csv", text)])
    assert [str(e) for e in caught.value.errors] == [
        f"o.csv, row {ROWS + 2}, column 'value': 'lots' is not a number"
    ]
    assert written() == before


def test_the_same_row_in_two_batches_is_refused(write):
    import_files([write("m.csv", MEASURES)])
    before = written()
    text = observations(extra=["A,2019-02,5"])  # row 3 gave 2019-02 already
    with pytest.raises(ImportRejected) as caught:
        import_files([write("o.csv", text)])
    assert [str(e) for e in caught.value.errors] == [
        f"o.csv, row {ROWS + 2}, column 'period': this measure, period and breakdown "
        "appear twice in this import"
    ]
    assert written() == before


def test_a_changed_row_in_a_later_batch_gets_its_revision_and_audit_entry(write):
    import_files([write("m.csv", MEASURES), write("o.csv", observations())])
    first = {o.pk: (o.value, o.entered_at) for o in Observation.objects.all()}
    entries = AuditEntry.objects.count()
    changed = ROWS - 1  # in the last batch
    import_files([write("o2.csv", observations(value=lambda n: n + 1000 if n == changed else n))])
    observation = Observation.objects.get(period=month(changed))
    assert observation.value == Decimal(changed + 1000)
    assert observation.revisions.get().value == Decimal(changed)
    new_entries = AuditEntry.objects.filter(pk__gt=0).order_by("pk")[entries:]
    assert [(e.model, e.action, e.object_id) for e in new_entries] == [
        ("measures.observationrevision", "created", str(observation.revisions.get().pk)),
        ("measures.observation", "changed", str(observation.pk)),
    ]
    # Every other row is untouched: same value, same time of entry.
    for pk, (value, entered_at) in first.items():
        if pk != observation.pk:
            stored = Observation.objects.get(pk=pk)
            assert (stored.value, stored.entered_at) == (value, entered_at)


def test_each_new_row_has_the_entry_record_created_would_make(write, django_db_blocker):
    from django.db import connection

    text = (
        "measure_id,period,value,numerator,denominator,status,commentary,breakdown,target\n"
        'P,2019-04,50,5,10,,"Said ""so"";\tcafé",,95\n'
        "P,2019-05,,,,TBC,,Girls,\n"
        "A,Q2 2019/20,1234.5,,,,,,\n"
        "A,2019/20,7,,,suppressed,line\\nbreak,Under 5s,\n"
    )
    import_files([write("m.csv", MEASURES), write("o.csv", text)], entered_by="import by jo")
    observations = list(Observation.objects.all())
    assert len(observations) == 4
    # A value given with its counts is kept as published ("50"), not worked out again.
    made = {"2019-04": "50", "2019-05": "None", "2019/20 Q2": "1234.5", "2019/20": "7"}
    for observation in observations:
        entry = AuditEntry.objects.get(model="measures.observation", object_id=str(observation.pk))
        expected = snapshot(observation)
        assert entry.after == expected
        if connection.vendor == "sqlite":  # text as json.dumps writes it, keys in field order
            assert list(entry.after) == list(expected)
        # The label is str() of the row as made, before the database rounds it to 8 places.
        breakdown = f" ({observation.breakdown})" if observation.breakdown else ""
        label = (
            f"{observation.measure_id} {observation.period}{breakdown}: {made[observation.period]}"
        )
        assert (entry.action, entry.before, entry.changed, entry.label) == (
            "created",
            None,
            [],
            label,
        )
        assert (entry.parent_model, entry.parent_id) == (
            "measures.measure",
            str(observation.measure_id),
        )
    assert Target.objects.filter(from_period="2019-04").get().value == Decimal(95)
    # Text that COPY's format escapes (a tab, a backslash) is kept exactly.
    assert Observation.objects.get(period="2019-04").commentary == 'Said "so";\tcafé'
    assert Observation.objects.get(period="2019/20").commentary == "line\\nbreak"


def test_an_observations_file_unreadable_far_on_is_reported_as_that_alone(tmp_path, write):
    import_files([write("m.csv", MEASURES)])
    before = written()
    good = observations(rows=3).encode()
    body = b"".join(b"A,2021-%02d,x\n" % (n % 12 + 1) for n in range(2000))  # bad rows, too
    path = tmp_path / "o.csv"
    path.write_bytes(good + body + b"A,2022-01,\xff\n")
    with pytest.raises(ImportRejected) as caught:
        import_files(
            [
                path,
                write(
                    "m2.csv", "measure_id,title,polarity,unit,frequency\nB,,higher,count,monthly\n"
                ),
            ]
        )
    assert [str(e) for e in caught.value.errors] == [
        "o.csv: not UTF-8 text (invalid start byte); save it as CSV UTF-8",
        "m2.csv, row 2, column 'title': a value is needed here",
    ]
    assert written() == before


# --- the fast check gives what the full check gives --------------------------------------

cell = st.one_of(
    st.sampled_from(
        [
            "",
            "A",
            "P",
            "X",
            " A",
            "2019-09",
            "Sep-19",
            "Q2 2019/20",
            "2019/20 Q2",
            "2019-13",
            "2019/20",
        ]
    ),
    st.sampled_from(["0", "5", "-5", "84.8", "101", "1,234.5", "84,8", "5%", "+5", "1e3"]),
    st.sampled_from(["0.000000001", "1234567890123456", "99999999999999", "12.123456789"]),
    st.sampled_from(["TBC", "tbc", "Suppressed", "bogus", "x" * 201, "a\x00b", "'=1", "NaN"]),
    st.text(max_size=6),
)
COLUMNS = ["measure_id", "period", "value", "numerator", "denominator", "target", "status",
           "commentary", "breakdown"]  # fmt: skip


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    columns=st.lists(st.sampled_from(COLUMNS[2:]), unique=True),
    rows=st.lists(st.lists(cell, min_size=9, max_size=10), max_size=12),
)
def test_the_fast_check_agrees_with_the_full_check(tmp_path, monkeypatch, columns, rows):
    header = ["measure_id", "period", *columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row[: len(header)] + row[9:])  # sometimes one cell too many
    path = tmp_path / "o.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", errors="surrogatepass")

    def run(fast: bool):
        catalogue = Catalogue()
        catalogue.measures = {"A": MeasureFacts("count", None), "P": MeasureFacts("percent", None)}
        errors: list = []
        with monkeypatch.context() as patch:
            if not fast:
                slow = observation_stream._SLOW
                patch.setattr(observation_stream, "_fast_check", lambda *a: lambda row: slow)
            found = list(observation_stream.readings(stream_rows(path), catalogue, Seen(), errors))
        return found, errors

    assert run(fast=True) == run(fast=False)


def test_stored_rows_are_matched_by_breakdown_too(write):
    header = "measure_id,period,value,breakdown\n"
    rows = ["A,2019-01,1,", "A,2019-01,2,Girls", "A,2019-01,3,Boys", "A,2019-02,4,Girls"]
    import_files([write("m.csv", MEASURES), write("o.csv", header + "\n".join(rows) + "\n")])
    rows[1] = "A,2019-01,20,Girls"
    import_files([write("o2.csv", header + "\n".join(reversed(rows)) + "\n")])
    revised = ObservationRevision.objects.get()
    assert (revised.observation.breakdown, revised.observation.value, revised.value) == (
        "Girls",
        Decimal(20),
        Decimal(2),
    )
    assert Observation.objects.count() == 4
