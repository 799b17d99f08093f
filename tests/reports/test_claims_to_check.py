"""Claims to check: the changes stated in a plan's commentary and highlight reports that their
own figures do not bear out, listed for the performance team only, and `scorecard report`
warning of those a paper carries."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from scorecard.cli import report as report_command
from scorecard.cli.parser import build_parser
from scorecard.core.periods import Period
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Plan, Programme
from scorecard.measures.models import Measure, Observation
from scorecard.people.permissions import PERFORMANCE_TEAM

pytestmark = pytest.mark.django_db

QUARTER = Period.quarter(2017, 4)
SEED = (
    "Kooth online counselling has increased by 53% this quarter (Q4: 430 / Q3: 203), and the "
    "number receiving online counselling has improved by 52% (Q4: 104 / Q3: 50)\n- Phoenix "
    "numbers of children being seen have risen by 28% this quarter (Q4: 45 / Q3: 32)"
)
URL = "/reports/claims/?plan=claims"


@pytest.fixture
def claimed():
    plan = Plan.objects.create(plan_id="claims", name="Claims plan")
    programme = Programme.objects.create(plan=plan, name="Emotional health")
    report = HighlightReport(programme=programme, status="G", areas_of_success=SEED)
    report.set_period(QUARTER)
    report.save()
    measure = Measure.objects.create(
        measure_id="CL-1",
        title="Referrals",
        plan=plan,
        polarity="higher",
        unit="count",
        frequency="monthly",
    )
    for month, commentary in [
        (Period.month(2018, 1), "Referrals rose by 10% from 100 to 90."),
        (Period.month(2018, 2), "Referrals rose by 10% (Jan-18: 100 → Feb-18: 110), as hoped."),
        (Period.month(2018, 4), "Outside the quarter: up 53% (203→430)."),
    ]:
        observation = Observation(
            measure=measure, value=Decimal(1), commentary=commentary, entered_at=timezone.now()
        )
        observation.set_period(month)
        observation.save()
    return plan


def _team() -> Client:
    user = User.objects.create_user("team-member")
    user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    client = Client()
    client.force_login(user)
    return client


def _rows(page: str) -> list[str]:
    body = page.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(row.split()) for row in body.split("<tr")[1:]]


def test_the_team_sees_each_wrong_claim_with_item_field_sentence_and_right_figure(claimed):
    page = _team().get(f"{URL}&period=2017/18 Q4").content.decode()
    rows = _rows(page)
    assert len(rows) == 4
    assert "CL-1: Referrals" in rows[0] and "Commentary, Jan-18" in rows[0]
    assert "it says up, but 100 → 90 is a fall of 10%" in rows[0].lower()
    for row, (says, right) in zip(
        rows[1:],
        [("53%", "112%"), ("52%", "108%"), ("28%", "41%")],
        strict=True,
    ):
        assert "Emotional health: highlight report, Q4 2017/18" in row
        assert "Areas of success" in row
        assert f"is a rise of {right}, not {says}" in row


@pytest.mark.parametrize("form", ["Q4 2017/18", "Q4 17/18", "2017/18 q4"])
def test_every_form_of_the_period_gives_the_same_list(claimed, form):
    client = _team()
    assert _rows(client.get(f"{URL}&period={form}").content.decode()) == _rows(
        client.get(f"{URL}&period=2017/18 Q4").content.decode()
    )


def test_an_unreadable_period_is_not_found(claimed):
    response = _team().get(f"{URL}&period=Q5 2017/18")
    assert response.status_code == 404


def test_viewers_may_not_see_it_and_the_public_must_sign_in(claimed, client, anonymous_client):
    assert client.get(URL).status_code == 403
    response = anonymous_client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_scorecard_report_warns_of_the_wrong_claims_in_the_paper(claimed, tmp_path, capsys):
    output = tmp_path / "paper.html"
    arguments = build_parser().parse_args(
        ["report", "programme", "--plan", "claims", "--period", "Q4 2017/18", "--format", "html"]
        + ["-o", str(output)]
    )
    assert report_command.report(arguments) == 0
    warned = capsys.readouterr().err
    assert "before publication" in warned
    for wrong in ["203 → 430 is a rise of 112%", "50 → 104 is a rise of 108%", "is a rise of 41%"]:
        assert wrong in warned
