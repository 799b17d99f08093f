"""The paper pages: the team's forms with their GOV.UK error messages, rows added and removed
without script, every change in the audit trail, and who may read or change what."""

import pytest
from django.urls import reverse

from scorecard.audit.models import AuditEntry
from scorecard.papers.models import Paper
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def _errors(response) -> list[str]:
    form = response.context["form"]
    return [str(e) for errors in form.errors.values() for e in errors]


def test_the_team_changes_a_draft_and_each_implication_is_its_own_box(paper):
    team = signed_in("performance")
    address = reverse("paper_edit", args=[paper.pk])
    page = team.get(address)
    assert page.status_code == 200
    legal = next(i for i in paper.implications.all() if i.heading == "Legal")
    assert f'name="implication_{legal.pk}"' in page.content.decode()
    data = {
        "committee": "Cabinet",
        "meeting_date": "9/7/2018",
        "recommendations": "That Cabinet endorse the progress.",
        f"implication_{legal.pk}": "N/A",
    }
    response = team.post(address, data)
    assert response.status_code == 302
    paper.refresh_from_db()
    legal.refresh_from_db()
    assert (paper.recommendations, legal.text) == ("That Cabinet endorse the progress.", "N/A")
    changed = AuditEntry.objects.filter(model="papers.implication", object_id=str(legal.pk))
    assert changed.get(action="changed").after["text"] == "N/A"
    assert AuditEntry.objects.filter(model="papers.paper", action="changed").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"meeting_date": "9/7/2018"}, "Enter the committee the paper goes to"),
        ({"committee": "Cabinet"}, "Enter the date of the meeting"),
        (
            {"committee": "Cabinet", "meeting_date": "31/2/2018"},
            "Enter the date of the meeting as a real date, like 9/7/2018",
        ),
    ],
)
def test_the_paper_form_says_what_to_enter(paper, data, message):
    response = signed_in("performance").post(reverse("paper_edit", args=[paper.pk]), data)
    assert response.status_code == 200
    assert _errors(response) == [message]


def test_start_a_paper_checks_the_period(demo):
    response = signed_in("performance").post(
        reverse("paper_start"),
        {"kind": "programme", "period": "sometime", "committee": "Cabinet"},
    )
    assert _errors(response) == [
        "Choose the plan the paper reports on",
        "Enter the period as a quarter or year, like Q4 2017/18",
        "Enter the date of the meeting",
    ]


def test_start_a_paper_from_the_page(demo):
    response = signed_in("performance").post(
        reverse("paper_start"),
        {
            "plan": Paper._meta.get_field("plan").related_model.objects.get(plan_id="cypp").pk,
            "kind": "programme",
            "period": "Q4 2017/18",
            "committee": "Cabinet",
            "meeting_date": "2018-07-09",
        },
    )
    paper = Paper.objects.get()
    assert response.headers["Location"] == paper.get_absolute_url()
    assert paper.period == "2017/18 Q4"


def test_seen_by_and_glossary_rows_are_added_and_removed_without_script(paper):
    team = signed_in("performance")
    empty = team.post(reverse("seen_by_add", args=[paper.pk]), {})
    assert _errors(empty) == ["Enter the role, like County Solicitor", "Enter the name"]
    team.post(
        reverse("seen_by_add", args=[paper.pk]),
        {"role": "County Solicitor", "name": "Honor Clarke", "seen_on": "25/6/2018"},
    )
    row = paper.seen_by.get()
    assert str(row.seen_on) == "2018-06-25"
    page = team.get(paper.get_absolute_url()).content.decode()
    assert reverse("seen_by_remove", args=[paper.pk, row.pk]) in page
    team.post(reverse("seen_by_remove", args=[paper.pk, row.pk]))
    assert not paper.seen_by.exists()
    # A second click finds it gone: nothing to do.
    again = team.post(reverse("seen_by_remove", args=[paper.pk, row.pk]))
    assert again.status_code == 302
    assert AuditEntry.objects.filter(model="papers.seenby", action="deleted").count() == 1

    empty = team.post(reverse("glossary_add", args=[paper.pk]), {})
    assert _errors(empty) == ["Enter the term, like EHCP", "Enter what the term means"]
    team.post(reverse("glossary_add", args=[paper.pk]), {"term": "SCT", "meaning": "Trust"})
    term = paper.glossary.get()
    team.post(reverse("glossary_remove", args=[paper.pk, term.pk]))
    assert not paper.glossary.exists()


def test_publish_from_the_page_refuses_without_recommendations(paper):
    team = signed_in("performance")
    response = team.post(reverse("paper_publish", args=[paper.pk]), follow=True)
    assert "Enter the recommendations before publishing the paper" in response.content.decode()
    assert not Paper.objects.get(pk=paper.pk).published


def _publish(paper):
    paper.recommendations = "That Cabinet endorse the progress."
    paper.save()
    signed_in("performance").post(reverse("paper_publish", args=[paper.pk]))
    paper.refresh_from_db()
    assert paper.published


@pytest.mark.parametrize("username", ["viewer", "owner"])
def test_a_draft_is_the_teams_a_published_paper_any_readers(paper, username):
    reader = signed_in(username)
    assert reader.get(paper.get_absolute_url()).status_code == 403
    assert str(paper) not in reader.get(reverse("paper_list")).content.decode()
    _publish(paper)
    assert reader.get(paper.get_absolute_url()).status_code == 200
    assert str(paper) in reader.get(reverse("paper_list")).content.decode()
    assert reader.get(reverse("paper_edit", args=[paper.pk])).status_code == 403


def test_the_public_never_sees_a_paper(paper, anonymous_client):
    _publish(paper)
    response = anonymous_client.get(paper.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response.headers["Location"]


def test_a_published_paper_is_frozen(paper):
    _publish(paper)
    team = signed_in("performance")
    assert team.get(reverse("paper_edit", args=[paper.pk])).status_code == 403
    assert team.post(reverse("seen_by_add", args=[paper.pk]), {}).status_code == 403
    page = team.get(paper.get_absolute_url()).content.decode()
    assert f"--as-at {paper.published_at.isoformat()}" in page
    response = team.post(reverse("paper_new_version", args=[paper.pk]))
    copy = Paper.objects.get(version=2)
    assert response.headers["Location"] == copy.get_absolute_url()


def test_another_councils_team_finds_no_paper(paper):
    from scorecard.demo.loader import add_other_council

    add_other_council(entered_by="test")
    other = signed_in("northshire")
    assert other.get(paper.get_absolute_url()).status_code == 404
    assert other.get(reverse("paper_edit", args=[paper.pk])).status_code == 404


def test_the_council_sets_its_implications_and_order(demo):
    team = signed_in("performance")
    wrong = team.post(reverse("paper_settings"), {"section_order": "summary\nthe weather"})
    assert _errors(wrong) == ["Enter sections from the list: 'the weather' is not one of them"]
    team.post(
        reverse("paper_settings"),
        {"implication_headings": "Equalities\nPrivacy", "section_order": "recommendations"},
    )
    from scorecard.papers.models import PaperSettings

    settings = PaperSettings.current()
    assert settings.implications == ("Equalities", "Privacy")
    assert settings.order[0] == "recommendations"
    assert signed_in("viewer").get(reverse("paper_settings")).status_code == 403


def test_the_published_papers_download_is_the_paper_as_published(paper):
    import re
    from html import unescape

    from scorecard.reports.as_at import build_report, rendered

    _publish(paper)
    team = signed_in("performance")
    page = team.get(paper.get_absolute_url()).content.decode()
    link = unescape(re.search(r'href="(/reports/\?kind=programme[^"]*format=html[^"]*)"', page)[1])
    assert "as_at=" in link
    report = build_report("programme", paper.period_obj, "cypp", paper.published_at)
    assert team.get(link).content == rendered(report, "html", paper.published_at)
