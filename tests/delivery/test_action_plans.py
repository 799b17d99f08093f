"""Action plans as at a quarter: flags, timescales, latest updates and counts."""

from datetime import date

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from scorecard.core.periods import Period
from scorecard.delivery.action_plans import (
    AsAt,
    action_periods,
    action_plans_for,
    quarter_of,
    summarise,
)
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.framework.models import Board, Organisation, Plan, Programme
from scorecard.people.models import Person

pytestmark = pytest.mark.django_db

Q4_2017 = Period.quarter(2017, 4)
Q1_2018 = Period.quarter(2018, 1)
Q2_2018 = Period.quarter(2018, 2)


def build_action_plans() -> dict:
    """Two action plans of one plan: a programme's and a board sub-group's.

    As at Q1 2018/19 (to 30.06.2018, the cycle starting 01.04.2018):
    3.2 slipped (01.03.2018 → 01.06.2018) and overdue; 1.1 on track; 1.2 complete (past its
    date, no updates); 1.3 overdue with no update this quarter; 2.1 no date, no status, no update.
    """
    council = Organisation.objects.create(name="Somerset County Council")
    ccg = Organisation.objects.create(name="Somerset CCG")
    plan = Plan.objects.create(plan_id="cypp", name="Children and Young People's Plan")
    programme = Programme.objects.create(plan=plan, name="Health and Wellbeing")
    board = Board.objects.create(name="Corporate Parenting Board")
    jenny = Person.objects.create(
        person_id="jthompson",
        name="Jenny Thompson",
        job_title="Operational Manager Public Health West",
        organisation=council,
    )
    alan = Person.objects.create(
        person_id="areece", name="Alan Reece", job_title="Commissioner", organisation=ccg
    )
    health = ActionPlan.objects.create(plan=plan, name="Health and Wellbeing", programme=programme)
    task_group = ActionPlan.objects.create(
        plan=plan, name="Emotional health task group", board=board, order=1
    )
    emotional = "3. Improve emotional health and wellbeing"
    early = "1. Strengthen early help"

    def action(reference, objective, due, revised=(), status="", order=0, owners=(), plan=health):
        made = Action.objects.create(
            action_plan=plan,
            reference=reference,
            objective=objective,
            description=f"Action {reference} described",
            due=due,
            revised_due=[d.isoformat() for d in revised],
            status=status,
            order=order,
        )
        made.owners.set(owners)
        return made

    actions = {
        "1.1": action("1.1", early, date(2018, 9, 30), status="G", order=1, owners=[jenny]),
        "1.2": action("1.2", early, date(2018, 1, 31), status="B", order=2, owners=[alan]),
        "1.3": action("1.3", early, date(2018, 5, 31), status="R", order=3),
        "3.2": action(
            "3.2",
            emotional,
            date(2018, 3, 1),
            revised=[date(2018, 6, 1)],
            status="A",
            order=4,
            owners=[jenny, alan],
        ),
        "2.1": action("2.1", "", None, order=5),
        "T1": action("T1", "", date(2018, 4, 30), status="G", plan=task_group),
    }
    for reference, dated, text in [
        ("1.1", date(2018, 4, 20), "Recruitment under way"),
        ("1.3", date(2018, 3, 15), "Waiting for funding"),
        ("3.2", date(2018, 2, 12), "Scoping the service"),
        ("3.2", date(2018, 5, 10), "Consultation started"),
        ("T1", date(2018, 4, 1), "First meeting held"),
    ]:
        ActionUpdate.objects.create(action=actions[reference], dated=dated, text=text)
    return {
        "plan": plan,
        "health": health,
        "task_group": task_group,
        "actions": actions,
        "jenny": jenny,
        "alan": alan,
        "council": council,
    }


@pytest.fixture
def action_data():
    return build_action_plans()


def _rows(data: dict, period: Period) -> dict:
    summaries = summarise(action_plans_for(data["plan"]), AsAt(period))
    return {row.action.reference: row for s in summaries for row in s.rows}


def _health(data: dict, period: Period):
    return summarise(ActionPlan.objects.filter(pk=data["health"].pk), AsAt(period))[0]


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2018, 3, 31), Period.quarter(2017, 4)),
        (date(2018, 4, 1), Period.quarter(2018, 1)),
        (date(2018, 6, 30), Period.quarter(2018, 1)),
        (date(2018, 12, 31), Period.quarter(2018, 3)),
        (date(2019, 1, 1), Period.quarter(2018, 4)),
    ],
)
def test_quarter_of_a_day_is_the_financial_quarter(day, quarter):
    assert quarter_of(day) == quarter


def test_as_at_a_quarter_is_its_last_day_and_the_cycle_starts_on_its_first():
    as_at = AsAt(Q1_2018)
    assert (as_at.on, as_at.cycle_start) == (date(2018, 6, 30), date(2018, 4, 1))


def test_as_at_a_month_the_cycle_is_the_quarter_containing_it():
    as_at = AsAt(Period.month(2018, 5))
    assert (as_at.on, as_at.cycle_start) == (date(2018, 5, 31), date(2018, 4, 1))


def test_revised_from_1_march_to_1_june_shows_both_dates_and_is_slipped(action_data):
    row = _rows(action_data, Q1_2018)["3.2"]
    assert row.timescale_text == "01.03.2018 → 01.06.2018"
    assert [(d.iso, d.text) for d in row.timescale_days] == [
        ("2018-03-01", "01.03.2018"),
        ("2018-06-01", "01.06.2018"),
    ]
    assert row.flags.slipped
    reasons = {r.name: r.sentence for r in row.flag_reasons}
    assert reasons["slipped"] == "Due 01.06.2018, revised from 01.03.2018: slipped by 92 days"


def test_flags_as_at_q1(action_data):
    rows = _rows(action_data, Q1_2018)
    assert {ref: row.flag_names for ref, row in rows.items()} == {
        "1.1": [],
        "1.2": [],  # complete: not overdue though past its date, and needs no update
        "1.3": ["overdue", "stale"],
        "3.2": ["overdue", "slipped"],
        "2.1": ["stale"],  # no date: never overdue
        "T1": ["overdue"],
    }


def test_flags_follow_the_period(action_data):
    rows = _rows(action_data, Q4_2017)
    # 1.3's update of 15.03.2018 is this quarter's; its date of 31.05.2018 is still ahead.
    assert rows["1.3"].flag_names == []
    # 3.2 was due 01.06.2018 by then, so not overdue, but it has already slipped.
    assert rows["3.2"].flag_names == ["slipped"]
    assert rows["3.2"].latest_update.text == "Scoping the service"


def test_latest_update_is_the_last_dated_up_to_the_end_of_the_period(action_data):
    rows = _rows(action_data, Q1_2018)
    assert rows["3.2"].latest_update.dated == date(2018, 5, 10)
    assert rows["1.3"].latest_update.dated == date(2018, 3, 15)
    assert rows["2.1"].latest_update is None
    assert len(rows["3.2"].updates) == 2


def test_an_update_after_the_period_does_not_count(action_data):
    ActionUpdate.objects.create(
        action=action_data["actions"]["1.3"], dated=date(2018, 7, 2), text="Later"
    )
    row = _rows(action_data, Q1_2018)["1.3"]
    assert row.flags.stale and row.latest_update.dated == date(2018, 3, 15)


def test_overdue_and_stale_reasons(action_data):
    reasons = {r.name: r.sentence for r in _rows(action_data, Q1_2018)["1.3"].flag_reasons}
    assert reasons == {
        "overdue": (
            "Due 31.05.2018 and not complete by 30.06.2018 (the end of Q1 2018/19): "
            "overdue by 30 days"
        ),
        "stale": ("No update since Q1 2018/19 began on 01.04.2018; the last was dated 15.03.2018"),
    }
    never = {r.name: r.sentence for r in _rows(action_data, Q1_2018)["2.1"].flag_reasons}
    assert never["stale"].endswith("no update has been given yet")


def test_a_date_brought_forward_is_not_slippage(action_data):
    action = action_data["actions"]["1.1"]
    action.revise((date(2018, 8, 31),))
    action.save()
    row = _rows(action_data, Q1_2018)["1.1"]
    assert row.timescale_text == "30.09.2018 → 31.08.2018" and not row.flags.slipped


def test_several_revisions_are_all_shown_and_named_in_the_reason(action_data):
    action = action_data["actions"]["3.2"]
    action.revise((*action.revisions, date(2018, 9, 1)))
    action.save()
    row = _rows(action_data, Q1_2018)["3.2"]
    assert row.timescale_text == "01.03.2018 → 01.06.2018 → 01.09.2018"
    reasons = {r.name: r.sentence for r in row.flag_reasons}
    assert reasons["slipped"] == (
        "Due 01.09.2018, revised from 01.03.2018 via 01.06.2018: slipped by 184 days"
    )
    assert "overdue" not in reasons


def test_completing_an_action_clears_overdue_and_stale_but_not_slipped(action_data):
    Action.objects.filter(pk=action_data["actions"]["3.2"].pk).update(status="B")
    row = _rows(action_data, Q2_2018)["3.2"]
    assert row.flag_names == ["slipped"]
    assert row.status_label == "Blue (B)" and row.status_meaning == "Complete or business as usual"


def test_counts_per_status_and_flag(action_data):
    summary = _health(action_data, Q1_2018)
    assert summary.status_counts == [
        ("Green (G)", 1),
        ("Amber (A)", 1),
        ("Red (R)", 1),
        ("Blue (B)", 1),
        ("No status", 1),
    ]
    assert summary.flag_counts == {"overdue": 2, "slipped": 1, "stale": 2}
    assert summary.flag_text == "2 overdue, 1 slipped, 2 with no update this quarter"
    assert summary.status_text == ("1 Green (G), 1 Amber (A), 1 Red (R), 1 Blue (B), 1 No status")
    assert summary.owner_text == "Programme: Health and Wellbeing"


def test_counts_of_a_board_sub_group_and_of_nothing(action_data):
    summary = summarise(ActionPlan.objects.filter(pk=action_data["task_group"].pk), AsAt(Q4_2017))[
        0
    ]
    assert summary.owner_text == "Sub-group of Corporate Parenting Board"
    assert summary.flag_text == "1 with no update this quarter"
    empty = ActionPlan.objects.create(plan=action_data["plan"], name="Empty", order=5)
    summary = summarise(ActionPlan.objects.filter(pk=empty.pk), AsAt(Q1_2018))[0]
    assert (summary.flag_text, summary.status_text, summary.owner_text) == (
        "None",
        "No actions",
        "",
    )


def test_actions_grouped_by_objective_in_order_and_filtered_by_flag(action_data):
    summary = _health(action_data, Q1_2018)
    groups = [(g.objective, [r.action.reference for r in g.rows]) for g in summary.groups()]
    assert groups == [
        ("1. Strengthen early help", ["1.1", "1.2", "1.3"]),
        ("3. Improve emotional health and wellbeing", ["3.2"]),
        ("", ["2.1"]),
    ]
    overdue = [[r.action.reference for r in g.rows] for g in summary.groups("overdue")]
    assert overdue == [["1.3"], ["3.2"]]
    assert summary.groups("slipped")[0].rows[0].action.reference == "3.2"


def test_owners_come_in_the_order_of_their_names(action_data):
    row = _rows(action_data, Q1_2018)["3.2"]
    assert [p.described for p in row.owners] == [
        "Alan Reece, Commissioner (Somerset CCG)",
        "Jenny Thompson, Operational Manager Public Health West (Somerset County Council)",
    ]


def test_periods_offered_span_every_date_and_default_to_the_latest_update(action_data):
    periods = action_periods(action_data["plan"], date(2025, 1, 1))
    # Earliest: 1.2 due 31.01.2018 (Q4 2017/18); latest: 1.1 due 30.09.2018 (Q2 2018/19).
    assert periods.offered == [Q2_2018, Q1_2018, Q4_2017]
    # The latest update is 10.05.2018.
    assert periods.default == Q1_2018
    assert periods.choose(None).period == Q1_2018
    assert periods.choose("Q4 2017/18").period == Q4_2017
    assert periods.choose("2018/19 Q2").period == Q2_2018


@pytest.mark.parametrize("label", ["2016/17 Q1", "Q3 2018/19", "not a period", "2018/19"])
def test_a_period_not_offered_is_not_found(action_data, label):
    with pytest.raises(Http404):
        action_periods(action_data["plan"], date(2025, 1, 1)).choose(label)


def test_a_plan_without_dates_is_shown_as_at_todays_quarter(db):
    plan = Plan.objects.create(plan_id="empty", name="Empty")
    periods = action_periods(plan, date(2019, 11, 5))
    assert periods.offered == [Period.quarter(2019, 3)] and periods.default == periods.offered[0]


def test_without_updates_the_default_is_the_newest_quarter(db):
    plan = Plan.objects.create(plan_id="p", name="P")
    action_plan = ActionPlan.objects.create(plan=plan, name="A")
    Action.objects.create(
        action_plan=action_plan, reference="1", description="d", due=date(2018, 5, 1)
    )
    Action.objects.create(
        action_plan=action_plan,
        reference="2",
        description="d",
        due=date(2018, 5, 1),
        revised_due=["2018-11-01"],
    )
    periods = action_periods(plan, date(2025, 1, 1))
    assert periods.offered == [Period.quarter(2018, 3), Q2_2018, Q1_2018]
    assert periods.default == Period.quarter(2018, 3)


def test_summarising_takes_few_queries_however_many_actions(action_data):
    health = action_data["health"]
    for number in range(30):
        action = Action.objects.create(
            action_plan=health, reference=f"9.{number}", description="More", order=10 + number
        )
        action.owners.set([action_data["jenny"], action_data["alan"]])
        ActionUpdate.objects.create(action=action, dated=date(2018, 5, 1), text="Going")
    with CaptureQueriesContext(connection) as queries:
        summaries = summarise(action_plans_for(action_data["plan"]), AsAt(Q1_2018))
        texts = [(s.flag_text, [r.owners for r in s.rows]) for s in summaries]
    assert texts and len(queries) <= 4
