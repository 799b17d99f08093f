"""What is due in a cycle, from whom, and the completeness figures."""

from __future__ import annotations

from datetime import date

import pytest

from scorecard.core.periods import Period
from scorecard.cycles import due
from scorecard.cycles.models import NOT_YET_OPEN, OPEN, PAST_CLOSING, PAST_DEADLINE
from scorecard.people.models import Person

pytestmark = pytest.mark.django_db


def test_readings_of_the_measures_frequency_ending_inside_the_period():
    q3 = Period.quarter(2019, 3)
    assert due.reading_periods(Period.month(2019, 9), 1, q3) == [
        Period.month(2019, 10),
        Period.month(2019, 11),
        Period.month(2019, 12),
    ]
    assert due.reading_periods(Period.quarter(2019, 2), 3, q3) == [q3]
    # An annual measure owes nothing in a quarter its year does not end in.
    assert due.reading_periods(Period.financial_year(2018), 12, q3) == []
    assert due.reading_periods(Period.rolling_12_months(2019, 9), 3, q3) == [
        Period.rolling_12_months(2019, 12)
    ]


def test_the_cycles_state_follows_its_dates_and_the_closed_flag(bp_cycle):
    assert bp_cycle.state(date(2019, 12, 1)) == NOT_YET_OPEN
    assert bp_cycle.state(date(2020, 1, 17)) == OPEN
    assert bp_cycle.state(date(2020, 1, 18)) == PAST_DEADLINE
    assert bp_cycle.state(date(2020, 2, 1)) == PAST_CLOSING
    assert bp_cycle.takes_entries(date(2020, 2, 1))
    bp_cycle.closed = True
    assert bp_cycle.state(date(2020, 1, 1)) == PAST_CLOSING
    assert not bp_cycle.takes_entries(date(2020, 1, 1))


def test_due_from_an_owner_is_what_they_own_in_the_plan(bp_cycle):
    jenny = Person.objects.get(person_id="jthompson")
    items = due.due_items(bp_cycle, jenny)
    measures = {(i.item.measure_id, i.period.label) for i in items if i.kind == due.MEASURE}
    assert ("BP-HV-NBV", "2019/20 Q3") in measures
    assert ("BP-PH-BF", "2019/20 Q3") in measures
    # A monthly measure owes three months.
    assert {p for m, p in measures if m == "BP-ASC-CQC"} == {"2019-10", "2019-11", "2019-12"}
    # Not another owner's, nor another plan's.
    assert not any(m in ("BP-FIN-RBO", "CPB-CLA-RATE") for m, _ in measures)
    assert all(i.state == due.DUE for i in items if i.kind == due.MEASURE)


def test_the_cypp_cycle_asks_the_programme_owner_for_the_highlight_report(cycle_council):
    from scorecard.cycles.models import ReportingCycle

    cycle = ReportingCycle.objects.get(plan__plan_id="cypp")
    jenny = Person.objects.get(person_id="jthompson")
    kinds = [i.kind for i in due.due_items(cycle, jenny)]
    assert due.HIGHLIGHT in kinds


def test_completeness_counts_per_organisation_and_lists_who_is_late(bp_cycle):
    from scorecard.cycles.entry import mark_submitted

    items = due.due_items(bp_cycle)
    first = items[0]
    mark_submitted(None, None, **first.submission_fields())
    items = due.due_items(bp_cycle)
    groups = due.completeness(items)
    assert sum(g.total for g in groups) == len(items)
    assert sum(g.done for g in groups) == 1
    late = [i for g in groups for i in g.late(bp_cycle, date(2020, 1, 18))]
    assert len(late) == len(items) - 1
    assert all(g.late(bp_cycle, date(2020, 1, 17)) == [] for g in groups)
    assert due.days_phrase(bp_cycle, date(2020, 1, 15)) == "2 days left"
    assert due.days_phrase(bp_cycle, date(2020, 1, 17)) == "due today"
    assert due.days_phrase(bp_cycle, date(2020, 1, 18)) == "1 day overdue"


def test_a_submission_names_the_item_it_is_for_by_the_items_key(bp_cycle):
    from scorecard.cycles.models import ReportingCycle, Submission

    for cycle in ReportingCycle.objects.all():
        for item in due.due_items(cycle):
            submission = Submission.objects.create(**item.submission_fields())
            assert submission.key == item.key
        assert all(i.submission is not None for i in due.due_items(cycle))
    assert Submission.objects.exists()


def test_the_deadline_has_passed_only_after_its_day(bp_cycle):
    assert not bp_cycle.past_deadline(date(2020, 1, 17))
    assert bp_cycle.past_deadline(date(2020, 1, 18))
