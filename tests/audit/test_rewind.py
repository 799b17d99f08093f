"""As at: the data as it stood at a past moment, and nothing changed for anyone else."""

import datetime
from decimal import Decimal

import pytest

from scorecard.audit.rewind import as_at
from scorecard.core.period_parser import parse_period
from scorecard.delivery.models import Project, ProjectUpdate
from scorecard.measures.models import Measure, Observation
from scorecard.people.models import Person
from scorecard.reports.as_at import build_report
from scorecard.reports.kinds import render
from tests.audit.conftest import observation
from tests.clock import START

LONG_AGO = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def test_as_at_puts_back_earlier_values_and_leaves_the_database_as_it_was(demo_at_start, clock):
    clock.advance(days=1)
    reading = observation()
    reading.value = Decimal("90.2")
    reading.save()
    clock.advance(days=1)
    reading.value = Decimal("91.0")
    reading.save()
    with as_at(START + datetime.timedelta(hours=1)):
        assert observation().value == Decimal("85.1")
    with as_at(START + datetime.timedelta(days=1, hours=1)):
        assert observation().value == Decimal("90.2")
    assert observation().value == Decimal("91.0")


def test_as_at_before_everything_is_an_empty_database_not_a_crash(demo_at_start):
    counts = (Measure.objects.count(), Observation.objects.count(), Project.objects.count())
    with as_at(LONG_AGO):
        assert not Measure.objects.exists()
        assert not Observation.objects.exists()
        assert not Person.objects.exists()
    assert (Measure.objects.count(), Observation.objects.count(), Project.objects.count()) == counts


def test_rows_deleted_later_come_back_with_their_owners(demo_at_start, clock):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    owners = set(measure.owners.all())
    clock.advance(days=1)
    measure.delete()
    with as_at(START + datetime.timedelta(hours=1)):
        again = Measure.objects.get(measure_id="BP-HV-NBV")
        assert set(again.owners.all()) == owners
        assert again.observations.count() == 8
    assert not Measure.objects.filter(measure_id="BP-HV-NBV").exists()


def test_owners_changed_later_are_set_back(demo_at_start, clock):
    measure = Measure.objects.get(measure_id="BP-FIN-RBO")
    owners = set(measure.owners.all())
    clock.advance(days=1)
    measure.owners.set([Person.objects.get(person_id="jthompson")])
    with as_at(START + datetime.timedelta(hours=1)):
        assert set(Measure.objects.get(measure_id="BP-FIN-RBO").owners.all()) == owners
    assert [p.person_id for p in measure.owners.all()] == ["jthompson"]


def test_an_error_inside_as_at_still_leaves_the_database_alone(demo_at_start):
    with pytest.raises(ZeroDivisionError), as_at(LONG_AGO):
        1 / 0  # noqa: B018
    assert Measure.objects.exists()


def _corporate_html(moment=None) -> str:
    report = build_report("corporate", parse_period("Q2 2019/20"), "business-plan", moment)
    return render(report, "html").decode("utf-8")


def test_a_report_made_as_at_yesterday_is_the_same_after_todays_revisions(demo_at_start, clock):
    yesterday = clock.advance(days=1)
    clock.advance(days=1)
    first = _corporate_html(yesterday)
    # Today: a figure revised, commentary rewritten, a project's status changed.
    reading = observation("BP-FIN-RBO", "2019/20 Q2")
    reading.value += 3
    reading.commentary = "Revised after the paper went out."
    reading.save()
    update = ProjectUpdate.objects.get(project__project_id="BP-PRJ-02", period="2019/20 Q2")
    update.status = "G"
    update.save()
    clock.advance(hours=2)
    again = _corporate_html(yesterday)
    assert again == first
    now = _corporate_html()
    assert now != first
    assert "Revised after the paper went out." in now
    assert "Revised after the paper went out." not in first
    text = first
    assert "As the figures stood at 10:02 on 4 March 2026" in text
    assert '<meta name="dcterms.created" content="2026-03-04">' in text
