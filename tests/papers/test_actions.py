"""Starting, publishing and versioning a paper: what the data fills in, what only people write,
and who may."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from scorecard.framework.models import Plan
from scorecard.papers.actions import NewVersion, PaperError, Publish, StartPaper
from scorecard.papers.choices import DEFAULT_IMPLICATIONS
from scorecard.papers.models import Paper, PaperSettings
from scorecard.people.permissions import person_of
from tests.papers.conftest import MEETING, Q4

pytestmark = pytest.mark.django_db


def test_a_new_paper_is_filled_in_where_the_data_knows(paper, team_user):
    person = person_of(team_user)
    assert paper.author.startswith(person.name)
    assert paper.lead_officer == paper.plan.lead
    assert paper.summary.startswith(
        "This report sets out the progress of the seven programmes of the Children"
    )
    assert "Five of the seven programmes rate Green; two rate Amber." in paper.summary
    implications = {i.heading: i.text for i in paper.implications.all()}
    assert tuple(implications) == DEFAULT_IMPLICATIONS
    assert implications["Risk"].startswith("ORG0009 ")
    assert "likelihood 3 × impact 5 = score 15 (very high)" in implications["Risk"]
    assert implications["Financial"] == ""
    # Only people know what a paper asks of its meeting.
    assert paper.recommendations == ""


def test_a_council_sets_its_own_implications(demo, team_user):
    PaperSettings.objects.create(implication_headings="Equalities\nSustainability\nRisk")
    plan = Plan.objects.get(plan_id="cypp")
    started = StartPaper(team_user, plan, "programme", Q4, "Cabinet", MEETING).execute()
    assert [i.heading for i in started.implications.all()] == [
        "Equalities",
        "Sustainability",
        "Risk",
    ]


def test_one_paper_per_report_and_meeting(paper, team_user):
    again = StartPaper(team_user, paper.plan, "programme", Q4, "Cabinet", MEETING)
    with pytest.raises(PaperError, match="already a paper for this report and meeting"):
        again.execute()


@pytest.mark.parametrize("username", ["viewer", "owner"])
def test_only_the_team_starts_or_publishes(demo, paper, username):
    user = User.objects.get(username=username)
    with pytest.raises(PermissionDenied):
        StartPaper(user, paper.plan, "corporate", Q4, "Cabinet", MEETING).execute()
    paper.recommendations = "That Cabinet endorse the progress."
    paper.save()
    with pytest.raises(PermissionDenied):
        Publish(paper, user).execute()


def test_a_paper_without_recommendations_is_not_published(paper, team_user):
    with pytest.raises(PaperError, match="^Enter the recommendations before publishing"):
        Publish(paper, team_user).execute()
    assert Paper.objects.get(pk=paper.pk).published_at is None


def test_published_once_then_a_new_version_to_change_it(paper, team_user, clock):
    paper.recommendations = "That Cabinet endorse the progress."
    paper.save()
    paper.seen_by.create(role="County Solicitor", name="Honor Clarke")
    moment = clock.advance(minutes=5)
    Publish(paper, team_user).execute()
    stored = Paper.objects.get(pk=paper.pk)
    assert stored.published_at == moment
    assert stored.published_by == "Planning and Performance Team (performance team)"
    with pytest.raises(PaperError, match="published already"):
        Publish(stored, team_user).execute()
    copy = NewVersion(stored, team_user).execute()
    assert (copy.version, copy.published_at, copy.recommendations) == (
        2,
        None,
        stored.recommendations,
    )
    assert [r.name for r in copy.seen_by.all()] == ["Honor Clarke"]
    assert [i.heading for i in copy.implications.all()] == list(DEFAULT_IMPLICATIONS)
    with pytest.raises(PaperError, match="later version already"):
        NewVersion(stored, team_user).execute()
    with pytest.raises(PaperError, match="is a draft"):
        NewVersion(copy, team_user).execute()
