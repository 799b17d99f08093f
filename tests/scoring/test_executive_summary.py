"""Highlight reports and the quarter's executive summary."""

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.ratings import Direction
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Programme
from scorecard.scoring.executive_summary import executive_summary
from tests.delivery import builders

pytestmark = pytest.mark.django_db

Q3, Q4 = parse_period("Q3 2017/18"), parse_period("Q4 2017/18")


@pytest.fixture
def plan():
    plan = builders.plan_with_programmes([f"Programme {n}" for n in range(1, 8)])
    programmes = list(plan.programmes.all())
    for programme, status in zip(programmes[:6], "GGGGGA", strict=True):
        builders.highlight(
            programme,
            "Q4 2017/18",
            status,
            reason_for_status=f"Reason for {programme.name}",
            slippage="Late <script>x</script>" if status == "A" else "",
        )
    builders.highlight(programmes[5], "Q3 2017/18", "G")
    return plan


def test_programmes_are_counted_by_status_in_words(plan):
    summary = executive_summary(plan, Q4)
    assert summary.headline == "Five of the seven programmes rate Green"
    assert summary.others == "one rates Amber"
    assert [p.name for p in summary.not_reported] == ["Programme 7"]


def test_status_trend_comes_from_the_previous_report(plan):
    lines = {line.programme.name: line for line in executive_summary(plan, Q4).lines}
    assert lines["Programme 6"].trend is Direction.DECLINING
    assert lines["Programme 1"].trend is None and lines["Programme 1"].previous is None


def test_sections_are_gathered_programme_by_programme(plan):
    gathered = {g.heading: g.entries for g in executive_summary(plan, Q4).gathered}
    assert [p.name for p, _ in gathered["Slippage"]] == ["Programme 6"]
    assert gathered["Issues"] == []


def test_the_summary_page(client, plan):
    page = client.get("/highlight-reports/?plan=plan&period=Q4 2017/18").content.decode()
    assert "Five of the seven programmes rate Green" in page
    assert "Reason for Programme 3" in page and "Programme 7" in page
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
    assert "Declining" in page


def test_a_report_page_shows_its_sections_and_trend(client, plan):
    report = HighlightReport.objects.get(programme__name="Programme 6", period="2017/18 Q4")
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Amber (A)" in page and "was Green (G) in Q3 2017/18" in page
    assert "Slippage" in page and "Decisions required" in page


@pytest.mark.parametrize(
    "url",
    [
        "/highlight-reports/?plan=plan&period=Q1 2030/31",
        "/highlight-reports/?plan=nope",
        "/programmes/999/highlight-reports/2017-18 Q4/",
        "/programmes/999/highlight-reports/Q4 2017/",
    ],
)
def test_unknown_quarters_and_programmes_are_not_found(client, plan, url):
    assert client.get(url).status_code == 404


def test_the_team_adds_and_changes_a_report(client, plan):
    programme = Programme.objects.get(name="Programme 7")
    url = f"/programmes/{programme.pk}/highlight-reports/new/"
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(builders.outsider())
    assert client.get(url).status_code == 403
    client.force_login(builders.team_member())
    response = client.post(url, {"quarter": "Q4 2017/18", "status": "G", "issues": "None"})
    assert response.status_code == 302
    report = HighlightReport.objects.get(programme=programme)
    assert report.period == "2017/18 Q4" and report.issues == "None"
    edit = client.post(
        f"/programmes/{programme.pk}/highlight-reports/2017/18%20Q4/edit/",
        {"status": "A", "reason_for_status": "Staffing"},
    )
    assert edit.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.reason_for_status) == ("A", "Staffing")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"quarter": "2017/18", "status": "G"}, "is for a quarter"),
        ({"quarter": "Q5 2017/18", "status": "G"}, "Enter a quarter"),
        ({"quarter": "Q4 2017/18", "status": ""}, "This field is required"),
    ],
)
def test_bad_reports_are_explained_and_not_saved(client, plan, form, message):
    programme = Programme.objects.get(name="Programme 7")
    client.force_login(builders.team_member())
    response = client.post(f"/programmes/{programme.pk}/highlight-reports/new/", form)
    assert response.status_code == 200 and message in response.content.decode()
    assert not HighlightReport.objects.filter(programme=programme).exists()


def test_a_second_report_for_the_same_quarter_is_refused(client, plan):
    programme = Programme.objects.get(name="Programme 1")
    client.force_login(builders.team_member())
    response = client.post(
        f"/programmes/{programme.pk}/highlight-reports/new/",
        {"quarter": "Q4 2017/18", "status": "R"},
    )
    assert "already has a highlight report for Q4 2017/18" in response.content.decode()
    assert HighlightReport.objects.get(programme=programme).status == "G"
