"""Approval before anything is shown (issue 16): an owner's figure is provisional until the
performance team approves it; until then only the team and the owner see it, labelled."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from scorecard.audit.history import history_for
from scorecard.audit.rewind import as_at
from scorecard.core.periods import Period
from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db

MEASURE = "BP-ASC-CQC"
VALUE = "71.3"
# As pages show it, whatever the measure's decimals ("71.3%" or "71.30%").
SHOWN = "71.3"
PROVISIONAL = "Provisional – awaiting approval"
PAPER = {"kind": "corporate", "period": "Q4 2019/20", "plan": "", "format": "html"}


@pytest.fixture
def q4_cycle(cycle_council):
    """A Q4 2019/20 cycle of the business plan, open, so CQC owes Jan-20."""
    cycle = ReportingCycle(
        plan=ReportingCycle.objects.get(plan__plan_id="business-plan").plan,
        opens=date(2020, 1, 1),
        deadline=date(2020, 4, 17),
        closes=date(2020, 4, 30),
    )
    cycle.set_period(Period.quarter(2019, 4))
    cycle.save()
    return cycle


def _enter(client, cycle, value=VALUE, period="2020-01"):
    url = f"/measures/{MEASURE}/values/new/?cycle={cycle.pk}&period={period}"
    page = client.get(url)
    assert page.status_code == 200
    loaded = page.context["form"]["loaded"].value()
    response = client.post(
        url, {"period": period, "value": value, "loaded": loaded, "confirm": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]


def _decide(team, cycle, decision, comment=""):
    measure = Measure.objects.get(measure_id=MEASURE)
    key = f"measure:{measure.pk}:2020-01"
    data = {"item": key, "decision": decision, "comment": comment}
    assert team.post(f"/cycles/{cycle.pk}/decide/", data).status_code == 302


def _csv_rows(client) -> list[dict]:
    text = client.get("/public/data.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _in_open_data(anonymous) -> bool:
    return any(
        row.get("measure_id") == MEASURE and row.get("period") == "2020-01"
        for row in _csv_rows(anonymous)
    )


def _in_public_api(anonymous) -> int:
    answer = anonymous.get("/api/observations/", {"measure": MEASURE, "period": "2020-01"})
    assert answer.status_code == 200
    return answer.json()["count"]


def _where_shown(anonymous, viewer, team) -> dict[str, bool]:
    """Whether the figure shows on each page that goes out (or to a councillor)."""
    paper = team.get("/reports/", PAPER).content.decode()
    return {
        "overview": SHOWN in viewer.get("/").content.decode(),
        "team overview": SHOWN in team.get("/").content.decode(),
        "measure list": SHOWN in viewer.get("/measures/").content.decode(),
        "viewer's measure page": SHOWN in viewer.get(f"/measures/{MEASURE}/").content.decode(),
        "public measure page": SHOWN
        in anonymous.get(f"/public/measures/{MEASURE}/").content.decode(),
        "open data": _in_open_data(anonymous),
        "paper": SHOWN in paper,
        "anonymous API": bool(_in_public_api(anonymous)),
    }


def test_a_returned_figure_shows_nowhere_until_the_team_approves_it(
    q4_cycle, owner, team, client, anonymous_client
):
    _enter(owner, q4_cycle)
    _decide(team, q4_cycle, "return", "Check the count of closed homes")
    assert Submission.objects.get(measure__measure_id=MEASURE).state == "returned"

    assert not any(_where_shown(anonymous_client, client, team).values())
    # The owner and the team see it, labelled in words.
    for reader in (owner, team):
        page = reader.get(f"/measures/{MEASURE}/").content.decode()
        assert SHOWN in page
        assert PROVISIONAL in page
    assert PROVISIONAL not in client.get(f"/measures/{MEASURE}/").content.decode()
    # The scorecard leaves it out, but tells the team and the owner it is waiting.
    for reader in (owner, team):
        for page in ("/", "/measures/"):
            text = reader.get(page).content.decode()
            assert "Figures awaiting approval" in text and PROVISIONAL in text
    assert "Figures awaiting approval" not in client.get("/").content.decode()

    _decide(team, q4_cycle, "approve")
    shown = _where_shown(anonymous_client, client, team)
    # The overview and the paper are as at Q4 2019/20 now that it has an approved figure.
    assert shown == dict.fromkeys(shown, True)
    assert PROVISIONAL not in team.get(f"/measures/{MEASURE}/").content.decode()

    # The item's history says who returned it and who approved it, and when.
    measure = Measure.objects.get(measure_id=MEASURE)
    lines = {line.what: line for line in history_for(measure)}
    returned = lines["Value for Jan-20 returned to its owner: ‘Check the count of closed homes’"]
    approved = lines["Value for Jan-20 approved"]
    decided = Submission.objects.get(measure=measure).decided_at
    for line in (returned, approved):
        assert line.who == "Planning and Performance Team (performance team)"
        assert line.when <= decided + timedelta(seconds=1)
    assert returned.when < approved.when
    page = team.get(f"/measures/{MEASURE}/").content.decode()
    assert "returned to its owner" in page and "Value for Jan-20 approved by" in page


def test_a_figure_only_submitted_is_not_in_the_open_data(q4_cycle, owner, anonymous_client):
    _enter(owner, q4_cycle)
    assert Submission.objects.get(measure__measure_id=MEASURE).state == "submitted"
    assert not _in_open_data(anonymous_client)
    assert _in_public_api(anonymous_client) == 0
    assert SHOWN not in anonymous_client.get(f"/public/measures/{MEASURE}/").content.decode()


def test_an_owner_changing_an_approved_figure_makes_it_provisional_again(
    q4_cycle, owner, team, anonymous_client
):
    _enter(owner, q4_cycle)
    _decide(team, q4_cycle, "approve")
    assert _in_open_data(anonymous_client)
    _enter(owner, q4_cycle, value="72.5")
    reading = Observation.objects.get(measure__measure_id=MEASURE, period="2020-01")
    assert reading.approval == "provisional"
    assert not _in_open_data(anonymous_client)


def test_the_teams_own_entry_is_approved(q4_cycle, team):
    _enter(team, q4_cycle)
    reading = Observation.objects.get(measure__measure_id=MEASURE, period="2020-01")
    assert reading.approval == "approved"
    assert Submission.objects.get(measure=reading.measure).state == "approved"


def test_an_import_by_the_team_approves_figures(q4_cycle, owner, tmp_path):
    _enter(owner, q4_cycle)
    reading = Observation.objects.get(measure__measure_id=MEASURE, period="2020-01")
    assert reading.approval == "provisional"
    path = tmp_path / "observations.csv"
    path.write_text(
        "measure_id,period,value,numerator,denominator,target,status,commentary,breakdown\n"
        f"{MEASURE},2020-01,{VALUE},,,,,,\n{MEASURE},2020-02,70.1,,,,,,\n"
    )
    import_files([path], entered_by="team import")
    approvals = dict(
        Observation.objects.filter(
            measure__measure_id=MEASURE, period__in=["2020-01", "2020-02"]
        ).values_list("period", "approval")
    )
    assert approvals == {"2020-01": "approved", "2020-02": "approved"}
    # An unchanged figure keeps who entered it: the import only approved it.
    reading.refresh_from_db()
    assert reading.entered_by == "Jenny Thompson"


def test_the_api_marks_an_owners_figure_provisional_and_the_teams_approved(cycle_council):
    from rest_framework.test import APIClient

    measure = Measure.objects.get(measure_id=MEASURE)
    for username, period, expected in (
        ("owner", "2020-01", "provisional"),
        ("performance", "2020-02", "approved"),
    ):
        api = APIClient()
        api.force_authenticate(User.objects.get(username=username))
        answer = api.post(
            "/api/observations/",
            {"measure": MEASURE, "period": period, "value": "70"},
            format="json",
        )
        assert answer.status_code == 201, answer.json()
        assert answer.json()["approval"] == expected
        assert Observation.objects.get(measure=measure, period=period).approval == expected


def test_a_paper_as_at_a_past_moment_sees_the_approval_as_it_was_then(q4_cycle, owner, team):
    _enter(owner, q4_cycle)
    before_approval = timezone.now()
    _decide(team, q4_cycle, "approve")
    with as_at(before_approval):
        reading = Observation.objects.get(measure__measure_id=MEASURE, period="2020-01")
        assert reading.approval == "provisional"
    reading = Observation.objects.get(measure__measure_id=MEASURE, period="2020-01")
    assert reading.approval == "approved"


def test_the_outcome_page_tells_the_team_and_the_owner_of_figures_awaiting_approval(
    q4_cycle, owner, owner2, team, client, anonymous_client
):
    _enter(owner, q4_cycle)
    measure = Measure.objects.get(measure_id=MEASURE)
    page = f"/outcomes/{measure.outcome_id}/"
    # As on the overview and the measures list: the team and the measure's owner are told.
    for reader in (owner, team):
        text = reader.get(page).content.decode()
        assert "Figures awaiting approval" in text
        assert f"{measure.title}</a>, Jan-20" in text
    # A viewer, another owner and the public are not.
    for reader in (client, owner2, anonymous_client):
        assert "Figures awaiting approval" not in reader.get(page).content.decode()
    # Another outcome of the plan has nothing waiting.
    other = measure.plan.outcomes.exclude(pk=measure.outcome_id).first()
    assert "Figures awaiting approval" not in team.get(f"/outcomes/{other.pk}/").content.decode()
