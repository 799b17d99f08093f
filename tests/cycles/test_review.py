"""The cycle's review page: one table of what is being approved (value, previous value, target,
rating, commentary, the far-from-history warning), decisions one row or a selection at a time,
and completeness by organisation and by owner on the same page."""

from __future__ import annotations

import html
import re
from collections import Counter
from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.cycles import due
from scorecard.cycles.entry import mark_submitted
from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.measures.models import Measure, Observation
from scorecard.scoring.figures import figure, target_figure
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

CYCLE_PERIOD = "2019/20 Q3"


def review_url(cycle, **query) -> str:
    from urllib.parse import urlencode

    return f"/cycles/{cycle.pk}/" + (f"?{urlencode(query)}" if query else "")


def decide_url(cycle) -> str:
    return f"/cycles/{cycle.pk}/decide/"


def reading(measure_id: str, period: Period, value: str, commentary: str = "") -> Observation:
    observation = Observation(
        measure=Measure.objects.get(measure_id=measure_id),
        breakdown="",
        value=Decimal(value),
        commentary=commentary,
        entered_by="test",
        entered_at=timezone.now(),
    )
    observation.set_period(period)
    observation.save()
    return observation


def submit(cycle, *measure_ids: str) -> list[str]:
    """Each measure's reading for the cycle's period, marked submitted: their keys."""
    keys = []
    for measure_id in measure_ids:
        measure = Measure.objects.get(measure_id=measure_id)
        if not Observation.objects.filter(measure=measure, period=CYCLE_PERIOD).exists():
            reading(measure_id, Period.quarter(2019, 3), "50")
        mark_submitted(None, timezone.now(), cycle=cycle, measure=measure, period=CYCLE_PERIOD)
        keys.append(f"measure:{measure.pk}:{CYCLE_PERIOD}")
    return keys


def states() -> dict[str, str]:
    return {s.key: s.state for s in Submission.objects.all()}


def error_summary(text: str) -> list[str]:
    """The error summary's messages, as read on the page."""
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', text, re.S)
    assert summary is not None, "no error summary on the page"
    return [html.unescape(m) for m in re.findall(r"<a [^>]*>(.*?)</a>", summary.group(1))]


def test_the_table_shows_what_is_being_approved(owner, team, bp_cycle):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    reading("BP-HV-NBV", Period.quarter(2019, 2), "86.25")
    reading("BP-HV-NBV", Period.quarter(2019, 3), "2", "Staff <b>shortages</b> in the west")
    (key,) = submit(bp_cycle, "BP-HV-NBV")
    page = team.get(review_url(bp_cycle))
    assert page.status_code == 200
    (row,) = [row for row in page.context["rows"] if row.key == key]
    assert row.value == figure(measure, Decimal(2))
    assert row.previous == f"{figure(measure, Decimal('86.25'))} (Q2 2019/20)"
    assert row.target == target_figure(measure, Decimal(90))  # as set: "90%"
    assert (row.rag, row.commentary) == ("R", "Staff <b>shortages</b> in the west")
    assert row.warning is not None and "much lower than any this measure has had" in row.warning
    text = page.content.decode()
    cells = [
        figure(measure, Decimal(2)),
        f"{figure(measure, Decimal('86.25'))} (Q2 2019/20)",
        "Red (R)",  # the rating in words, not colour alone
        "Staff &lt;b&gt;shortages&lt;/b&gt; in the west",
        "much lower than any this measure has had",
        'role="region" aria-label="Submissions to review"',
    ]
    for cell in cells:
        assert cell in text, cell


def test_a_figure_in_line_with_its_history_has_no_warning(team, bp_cycle):
    reading("BP-HV-NBV", Period.quarter(2019, 3), "91")
    (key,) = submit(bp_cycle, "BP-HV-NBV")
    (row,) = [r for r in team.get(review_url(bp_cycle)).context["rows"] if r.key == key]
    assert row.warning is None and row.rag == "G"


def test_approve_one_row(team, bp_cycle):
    first, second = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ")
    response = team.post(decide_url(bp_cycle), {"approve": first, "state": "submitted"})
    assert response.status_code == 302
    assert response["Location"] == f"/cycles/{bp_cycle.pk}/?state=submitted"
    assert states() == {first: "approved", second: "submitted"}
    approved = Submission.objects.get(state="approved")
    assert approved.decided_by.username == "performance"
    page = team.get(response["Location"]).content.decode()
    assert "govuk-notification-banner--success" in page and "Approved: " in page


def test_return_one_row_needs_a_reason(team, bp_cycle):
    first, second = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ")
    title = next(item.title for item in due.due_items(bp_cycle) if item.key == first)
    refused = team.post(decide_url(bp_cycle), {"return": first, f"reason:{second}": "Not this"})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert error_summary(text) == [f"Enter why you are returning {title}"]
    anchor = re.sub(r"[^A-Za-z0-9]+", "-", first).strip("-")
    assert f'href="#reason-{anchor}"' in text and f'id="reason-{anchor}"' in text
    assert "govuk-notification-banner" not in text  # never an error in a green banner
    assert states() == {first: "submitted", second: "submitted"}
    response = team.post(decide_url(bp_cycle), {"return": first, f"reason:{first}": "Add notes"})
    assert response.status_code == 302
    assert states() == {first: "returned", second: "submitted"}
    assert Submission.objects.get(state="returned").comment == "Add notes"


@pytest.mark.parametrize(
    ("decision", "extra", "expected", "message"),
    [
        ("approve", {}, "approved", "Approved 2 figures"),
        ("return", {"comment": "Check the counts"}, "returned", "Returned 2 figures"),
    ],
)
def test_a_decision_on_a_selection_changes_exactly_the_selected_rows(
    team, bp_cycle, decision, extra, expected, message
):
    keys = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ", "BP-PH-BF", "BP-FIN-RBO")
    chosen = [keys[0], keys[2]]
    data = {"decision": decision, "item": chosen, **extra}
    response = team.post(decide_url(bp_cycle), data, follow=True)
    assert states() == {k: expected if k in chosen else "submitted" for k in keys}
    assert message in response.content.decode()
    if decision == "return":
        returned = Submission.objects.filter(state="returned")
        assert {s.comment for s in returned} == {"Check the counts"}


def test_returning_a_selection_needs_a_reason_and_changes_nothing_without_one(team, bp_cycle):
    keys = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ")
    response = team.post(decide_url(bp_cycle), {"decision": "return", "item": keys})
    assert error_summary(response.content.decode()) == [
        "Enter why you are returning the selected items"
    ]
    assert set(states().values()) == {"submitted"}
    # The ticks are kept for the second try.
    assert all(row.selected == (row.key in keys) for row in response.context["rows"])


def test_a_selection_is_all_or_nothing(team, bp_cycle):
    keys = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ")
    not_in = next(i for i in due.due_items(bp_cycle) if i.kind == due.MEASURE and not i.is_in)
    response = team.post(decide_url(bp_cycle), {"decision": "approve", "item": [*keys, not_in.key]})
    assert response.status_code == 200
    assert error_summary(response.content.decode()) == [
        f"{not_in.title} cannot be approved: it is due"
    ]
    assert set(states().values()) == {"submitted"}
    response = team.post(decide_url(bp_cycle), {"decision": "approve", "item": ["measure:0:x"]})
    assert "not in this cycle" in error_summary(response.content.decode())[0]
    response = team.post(decide_url(bp_cycle), {"decision": "approve"})
    assert error_summary(response.content.decode()) == ["Select at least one item to approve"]
    assert set(states().values()) == {"submitted"}


def test_a_failure_part_way_through_a_selection_writes_nothing(team, bp_cycle, monkeypatch):
    from scorecard.cycles import approval

    keys = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ")
    real = approval.approve
    calls = []

    def fail_on_the_second(submission, by):
        calls.append(submission)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real(submission, by)

    monkeypatch.setattr(approval, "approve", fail_on_the_second)
    with pytest.raises(RuntimeError):
        team.post(decide_url(bp_cycle), {"decision": "approve", "item": keys})
    assert set(states().values()) == {"submitted"}


@pytest.mark.parametrize("username", ["viewer", "owner", "northshire", "cypp-only"])
def test_only_the_plans_team_sees_and_decides(team, bp_cycle, username):
    from django.contrib.auth.models import Group, User

    from scorecard.demo.loader import add_other_council
    from scorecard.people.models import Person
    from scorecard.people.permissions import PERFORMANCE_TEAM

    keys = submit(bp_cycle, "BP-HV-NBV")
    expected = 403
    if username == "northshire":
        add_other_council()
        expected = 404
    if username == "cypp-only":
        # A team member who looks after another plan only.
        user = User.objects.create_user(username)
        user.groups.add(Group.objects.get(name=PERFORMANCE_TEAM))
        person = Person.objects.create(person_id="cypp-lead", name="CYPP lead", user=user)
        person.plans.add(ReportingCycle.objects.get(plan__plan_id="cypp").plan)
    client = signed_in(username)
    assert client.get(review_url(bp_cycle)).status_code == expected
    for data in (
        {"approve": keys[0]},
        {"return": keys[0], f"reason:{keys[0]}": "No"},
        {"decision": "approve", "item": keys},
    ):
        assert client.post(decide_url(bp_cycle), data).status_code == expected
    assert states() == {keys[0]: "submitted"}


def test_the_admin_decides(bp_cycle, cycle_council):
    keys = submit(bp_cycle, "BP-HV-NBV")
    admin = signed_in("admin")
    assert admin.get(review_url(bp_cycle)).status_code == 200
    assert admin.post(decide_url(bp_cycle), {"approve": keys[0]}).status_code == 302
    assert states() == {keys[0]: "approved"}


def test_completeness_counts_by_organisation_and_by_owner(team, bp_cycle):
    from scorecard.people.models import Person

    submitted, approved, returned = submit(bp_cycle, "BP-HV-NBV", "BP-HV-ASQ", "BP-PH-BF")
    team.post(decide_url(bp_cycle), {"approve": approved})
    team.post(decide_url(bp_cycle), {"return": returned, f"reason:{returned}": "Fix it"})
    page = team.get(review_url(bp_cycle))
    by_organisation, by_owner = (groups for _, groups, _ in page.context["completeness_tables"])
    items = due.due_items(bp_cycle)
    for person in Person.objects.filter(user__username__in=["owner", "owner2"]):
        (counts,) = [c for c in by_owner if c.name == person.name]
        theirs = Counter(item.state for item in due.due_items(bp_cycle, person))
        assert counts.total == sum(theirs.values()) > 0
        assert (counts.not_in, counts.submitted, counts.approved, counts.returned) == (
            theirs[due.DUE],
            theirs[due.SUBMITTED],
            theirs[due.APPROVED],
            theirs[due.RETURNED],
        )
    jenny = next(c for c in by_owner if c.name == "Jenny Thompson")
    assert (jenny.approved, jenny.returned) == (1, 1)
    assert jenny.submitted >= 1
    for counts in by_organisation:
        theirs = [i for i in items if i.organisation_name == counts.name]
        assert counts.total == len(theirs)
        assert counts.approved == sum(i.state == due.APPROVED for i in theirs)
        assert counts.returned == sum(i.state == due.RETURNED for i in theirs)
    assert sum(c.total for c in by_organisation) == len(items)
    assert page.context["overall"].approved == 1


def test_filters_by_organisation_owner_and_state(team, bp_cycle):
    from scorecard.people.models import Person

    keys = submit(bp_cycle, "BP-HV-NBV", "BP-FIN-RBO")
    tony = Person.objects.get(user__username="owner2")
    shown = team.get(review_url(bp_cycle, owner=tony.pk)).context["rows"]
    assert [row.key for row in shown] == [keys[1]]
    everything = team.get(review_url(bp_cycle, state="all", owner=tony.pk)).context["rows"]
    assert {row.key for row in everything} == {
        i.key for i in due.due_items(bp_cycle) if tony in i.owners
    }
    item = next(i for i in due.due_items(bp_cycle) if i.key == keys[0])
    organisation = item.organisation.pk
    rows = team.get(review_url(bp_cycle, state="all", organisation=organisation)).context["rows"]
    assert rows and all(row.item.organisation.pk == organisation for row in rows)
    # A value that names nothing filters nothing (and is no error).
    for bad in ("²", "99999999999999999999", "x"):
        response = team.get(review_url(bp_cycle, owner=bad, organisation=bad, state=bad))
        assert response.status_code == 200
        assert {row.key for row in response.context["rows"]} == set(keys)


def test_the_page_reads_a_fixed_number_of_queries_whatever_the_cycles_size(
    team, bp_cycle, django_assert_max_num_queries
):
    from scorecard.people.models import Person

    cypp = ReportingCycle.objects.get(plan__plan_id="cypp")
    small = len(due.due_items(cypp))
    for cycle in (cypp, bp_cycle):
        with django_assert_max_num_queries(25):
            assert team.get(review_url(cycle, state="all")).status_code == 200
    # Many more items, most of them in, some decided.
    jenny = Person.objects.get(user__username="owner")
    for measure in Measure.objects.filter(plan=bp_cycle.plan):
        measure.owners.add(jenny)
    keys = submit(
        bp_cycle,
        *Measure.objects.filter(plan=bp_cycle.plan)[:40].values_list("measure_id", flat=True),
    )
    team.post(decide_url(bp_cycle), {"decision": "approve", "item": keys[:10]})
    assert len(due.due_items(bp_cycle)) > 3 * small
    with django_assert_max_num_queries(25):
        page = team.get(review_url(bp_cycle, state="all"))
    assert len(page.context["rows"]) == len(due.due_items(bp_cycle))


def test_a_highlight_report_shows_its_status_and_reason(team, bp_cycle):
    from scorecard.delivery.models import HighlightReport
    from scorecard.framework.models import Programme

    cycle = ReportingCycle.objects.get(plan__plan_id="cypp")
    programme = Programme.objects.get(plan__plan_id="cypp", name__startswith="Promoting healthy")
    for quarter, status, reason in ((2, "G", "On track"), (3, "A", "Two projects slipped")):
        report = HighlightReport(programme=programme, status=status, reason_for_status=reason)
        report.set_period(Period.quarter(2019, quarter))
        report.save()
    page = team.get(review_url(cycle))
    (row,) = [r for r in page.context["rows"] if r.key == f"highlight report:{programme.pk}"]
    assert (row.value, row.previous) == ("Report for Q3 2019/20", "Green (G) (Q2 2019/20)")
    assert (row.rag, row.commentary, row.target) == ("A", "Two projects slipped", "Not applicable")
    assert "Amber (A)" in page.content.decode()
