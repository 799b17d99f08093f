"""Every change to a tracked item leaves an entry: who, when, before and after."""

import datetime
from decimal import Decimal

import pytest

from scorecard.audit.capture import audited_update
from scorecard.audit.models import AuditEntry
from scorecard.measures.models import Measure, Observation, ObservationRevision
from scorecard.people.models import Person
from tests.audit.conftest import observation
from tests.clock import START


def entries_for(instance):
    return AuditEntry.objects.filter(
        model=instance._meta.label_lower, object_id=str(instance.pk)
    ).order_by("id")


def test_the_import_records_every_row_it_creates_by_the_named_loader(demo_at_start):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    [created] = entries_for(measure).filter(action="created")
    assert (created.action, created.who, created.when, created.user) == (
        "created",
        "demo loader",
        START,
        None,
    )
    assert created.before is None
    assert created.after["measure_id"] == "BP-HV-NBV"
    assert created.after["plan_id"] == measure.plan_id
    # Observations are written in bulk, without signals: recorded all the same.
    reading = observation()
    [made] = entries_for(reading)
    assert made.after["value"] == "85.1"
    assert (made.parent_model, made.parent_id) == ("measures.measure", str(measure.pk))


def test_a_change_keeps_who_when_before_and_after(demo_at_start, clock, as_owner):
    reading = observation()
    clock.advance(days=1)
    with as_owner() as user:
        reading.value = Decimal("86.30")
        reading.commentary = "Recovered."
        reading.save()
    entry = entries_for(reading).last()
    assert entry.action == "changed"
    assert (entry.who, entry.user, entry.when) == ("Jenny Thompson (owner)", user, clock.now)
    assert entry.changed == ["value", "commentary"]
    assert entry.before["value"] == "85.1" and entry.after["value"] == "86.3"
    assert entry.after["commentary"] == "Recovered."
    # Every column is kept on both sides, not just the changed ones.
    assert entry.before["measure_id"] == entry.after["measure_id"] == reading.measure_id


def test_saving_without_a_change_records_nothing(demo_at_start):
    reading = observation()
    before = AuditEntry.objects.count()
    reading.value = Decimal("85.100")  # the same number
    reading.save()
    assert AuditEntry.objects.count() == before


def test_owners_added_from_either_side_are_recorded_on_the_item(demo_at_start, clock):
    measure = Measure.objects.get(measure_id="BP-FIN-RBO")
    jenny = Person.objects.get(person_id="jthompson")
    tony = Person.objects.get(person_id="tjohnson")
    clock.advance(hours=1)
    jenny.measures.add(measure)  # from the person's side
    measure.owners.remove(tony)  # from the measure's side
    added, removed = entries_for(measure).filter(when=clock.now)
    assert added.changed == ["owners"]
    assert added.before == {"owners": [tony.pk]}
    assert added.after == {"owners": sorted([tony.pk, jenny.pk])}
    assert removed.after == {"owners": [jenny.pk]}


def test_a_bulk_import_revision_is_recorded_with_before_and_after(demo_at_start, clock, tmp_path):
    from scorecard.audit.actor import acting_as
    from scorecard.interchange.importer import import_files

    revised = tmp_path / "observations.csv"
    revised.write_text("measure_id,period,value\nBP-HV-NBV,2019/20 Q1,85.4\n", encoding="utf-8")
    clock.advance(days=2)
    with acting_as("import by jo"):
        import_files([revised], entered_by="import by jo")
    entry = entries_for(observation()).last()
    assert (entry.action, entry.who, entry.when) == ("changed", "import by jo", clock.now)
    assert (entry.before["value"], entry.after["value"]) == ("85.1", "85.4")
    assert "value" in entry.changed
    revision = ObservationRevision.objects.get(observation=observation())
    assert entries_for(revision).get().action == "created"


def test_deleting_keeps_the_row_and_its_owners(demo_at_start):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    owners = sorted(measure.owners.values_list("pk", flat=True))
    pk = measure.pk
    measure.delete()
    entry = AuditEntry.objects.get(model="measures.measure", object_id=str(pk), action="deleted")
    assert entry.before["measure_id"] == "BP-HV-NBV"
    assert entry.before["owners"] == owners
    assert entry.after is None


def test_archiving_and_restoring_are_named_as_such(demo_at_start, clock):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    measure.archived_at = clock.advance(days=1)
    measure.save()
    measure.archived_at = None
    measure.save()
    actions = [e.action for e in entries_for(measure).filter(when=clock.now)]
    assert actions == ["archived", "restored"]


def test_a_queryset_update_through_audited_update_is_recorded(demo_at_start):
    changed = audited_update(Measure.objects.filter(measure_id="BP-HV-NBV"), published=False)
    assert changed == 1
    entry = entries_for(Measure.objects.get(measure_id="BP-HV-NBV")).last()
    assert entry.changed == ["published"]
    assert (entry.before["published"], entry.after["published"]) == (True, False)


def test_untracked_models_and_the_trail_itself_are_not_recorded(demo_at_start):
    assert not AuditEntry.objects.filter(model__startswith="auth.").exists()
    assert not AuditEntry.objects.filter(model="audit.auditentry").exists()
    assert (
        Observation.objects.count()
        == AuditEntry.objects.filter(model="measures.observation", action="created").count()
    )


def test_a_command_line_import_is_recorded_by_whoever_ran_it_in_order(db, monkeypatch, capsys):
    from scorecard.cli.importing import import_files
    from scorecard.demo.loader import demo_files

    monkeypatch.setenv("USER", "jo")
    import_files(demo_files())
    entries = AuditEntry.objects.order_by("id")
    assert set(entries.values_list("who", flat=True)) == {"import by jo"}
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    made = entries.get(model="measures.measure", object_id=str(measure.pk))
    first_reading = entries.filter(parent_id=str(measure.pk), model="measures.observation").first()
    # Written together at the end of the import, but in the order the rows were made.
    assert made.id < first_reading.id


def test_batched_entries_are_not_written_when_the_load_fails(demo_at_start):
    from django.db import transaction

    from scorecard.audit.capture import batched

    count = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic(), batched():
        reading = observation()
        reading.value = Decimal(1)
        reading.save()
        assert AuditEntry.objects.count() == count  # held back until the end
        raise RuntimeError
    assert AuditEntry.objects.count() == count
    assert observation().value == Decimal("85.1")


def test_a_change_recorded_at_the_moment_it_says(demo_at_start, clock):
    """A paper's publication is recorded at its own moment, so that rewound to that moment the
    change is there (scorecard.papers.actions.Publish)."""
    from scorecard.audit.capture import record_changed
    from scorecard.audit.values import snapshot

    reading = observation()
    before = snapshot(reading)
    reading.commentary = "Stated at its moment."
    moment = clock.now - datetime.timedelta(seconds=1)
    clock.advance(minutes=1)
    record_changed([(before, reading)], when=moment)
    entry = AuditEntry.objects.filter(model="measures.observation").latest("id")
    assert (entry.when, entry.changed) == (moment, ["commentary"])
