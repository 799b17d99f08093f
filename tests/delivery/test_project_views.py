"""Project pages: list and detail as at a period, and the performance team's forms."""

from datetime import date

import pytest
from django.test import Client

from scorecard.delivery.models import Milestone, Project, ProjectUpdate
from tests.delivery import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q1 2019/20", "A", latest_position="Design <b>agreed</b>")
    builders.report(made, "Q2 2019/20", "G", next_steps="Open <script>alert(1)</script>")
    builders.milestone(made, "Design", date(2019, 5, 1), completed=date(2019, 5, 1))
    late = builders.milestone(made, "Build", date(2019, 8, 1), completed=date(2019, 9, 1))
    late.revise((date(2019, 9, 1),))
    late.save()
    return plan


def test_the_list_shows_each_project_status_and_direction_in_words(client, council):
    page = client.get("/projects/?plan=plan&period=Q2 2019/20").content.decode()
    assert "Green (G)" in page and "Improving" in page and "Q2 2019/20" in page
    earlier = client.get("/projects/?plan=plan&period=Q1 2019/20").content.decode()
    assert "Amber (A)" in earlier


def test_the_project_page_shows_milestones_with_revised_dates_and_escapes_text(client, council):
    page = client.get("/projects/PRJ-1/?period=Q2 2019/20").content.decode()
    assert '<del><time datetime="2019-08-01">01.08.2019</time></del>' in page
    assert '<strong><time datetime="2019-09-01">01.09.2019</time></strong>' in page
    assert "Worked out from the milestones" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "Design &lt;b&gt;agreed&lt;/b&gt;" in page


@pytest.mark.parametrize(
    "url",
    [
        "/projects/NO-SUCH/",
        "/projects/?plan=no-such-plan",
        "/projects/?plan=plan&period=Q3 2030/31",
        "/projects/?plan=plan&period=nonsense",
        "/projects/PRJ-1/?period=Q4 2001/02",
        "/projects/NO-SUCH/edit/",
    ],
)
def test_unknown_projects_plans_and_periods_are_not_found(admin_client, council, url):
    assert admin_client.get(url).status_code == 404


FORMS = [
    "/projects/new/",
    "/projects/PRJ-1/edit/",
    "/projects/PRJ-1/updates/new/",
    "/projects/PRJ-1/milestones/new/",
]


@pytest.mark.parametrize("url", FORMS)
def test_forms_need_a_sign_in_and_the_performance_team(client, council, url):
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(builders.outsider())
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "x"}).status_code == 403
    client.force_login(builders.team_member())
    assert client.get(url).status_code == 200


def test_the_team_adds_a_project_and_reports_its_status(client, council):
    client.force_login(builders.team_member())
    plan = council
    response = client.post(
        "/projects/new/",
        {"project_id": "PRJ-2", "title": "New library", "plan": plan.pk},
    )
    assert response.status_code == 302 and response["Location"] == "/projects/PRJ-2/"
    response = client.post(
        "/projects/PRJ-2/updates/new/",
        {"period": "Sep-19", "status": "R", "direction": "", "latest_position": "Delayed"},
    )
    assert response.status_code == 302
    update = ProjectUpdate.objects.get(project__project_id="PRJ-2")
    assert (update.period, update.status) == ("2019-09", "R")
    page = client.get(response["Location"]).content.decode()
    assert "Status for Sep-19 added" in page and "Red (R)" in page


def test_a_new_revised_date_is_added_to_the_history(client, council):
    client.force_login(builders.team_member())
    build = Milestone.objects.get(title="Build")
    url = f"/projects/PRJ-1/milestones/{build.pk}/edit/"
    form = {"title": "Build", "due": "2019-08-01", "completed": "", "new_revised_due": "2019-12-01"}
    assert client.post(url, form).status_code == 302
    build.refresh_from_db()
    assert build.revised_due == ["2019-09-01", "2019-12-01"]


@pytest.mark.parametrize(
    ("url", "form", "message"),
    [
        ("/projects/new/", {"project_id": "bad id!", "title": "x"}, "Enter a reference"),
        ("/projects/new/", {"project_id": "PRJ-1", "title": "x"}, "already exists"),
        ("/projects/PRJ-1/updates/new/", {"period": "Q9 2019/20", "status": "G"}, "Enter a period"),
        ("/projects/PRJ-1/updates/new/", {"period": "Q2 2019/20", "status": "X"}, "Select a valid"),
        (
            "/projects/PRJ-1/milestones/new/",
            {"title": "Design", "due": "2019-01-01"},
            "already has a milestone",
        ),
        ("/projects/PRJ-1/milestones/new/", {"title": "New", "due": "31/02/2019"}, "valid date"),
        (
            "/projects/PRJ-1/milestones/new/",
            {"title": "New", "due": "2019-01-01", "completed": "2099-01-01"},
            "cannot be in the future",
        ),
    ],
)
def test_bad_input_is_explained_and_nothing_is_written(client, council, url, form, message):
    client.force_login(builders.team_member())
    counts = (Project.objects.count(), ProjectUpdate.objects.count(), Milestone.objects.count())
    response = client.post(url, form)
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and message in page
    assert counts == (
        Project.objects.count(),
        ProjectUpdate.objects.count(),
        Milestone.objects.count(),
    )


def test_forms_refuse_a_post_without_the_csrf_token(council):
    client = Client(enforce_csrf_checks=True)
    client.force_login(builders.team_member())
    response = client.post("/projects/new/", {"project_id": "PRJ-9", "title": "x"})
    assert response.status_code == 403
    assert not Project.objects.filter(project_id="PRJ-9").exists()


def test_the_team_adds_and_changes_an_action_plan(client, council):
    from scorecard.delivery.models import ActionPlan

    client.logout()
    assert client.get("/action-plans/new/").status_code == 302
    client.force_login(builders.outsider())
    assert client.post("/action-plans/new/", {"name": "X"}).status_code == 403
    client.force_login(builders.team_member())
    programme = council.programmes.first()
    response = client.post(
        "/action-plans/new/",
        {"plan": council.pk, "name": "Health and Wellbeing", "programme": programme.pk},
    )
    assert response.status_code == 302
    made = ActionPlan.objects.get()
    assert (made.name, made.programme) == ("Health and Wellbeing", programme)
    again = client.post("/action-plans/new/", {"plan": council.pk, "name": "Health and Wellbeing"})
    assert "already has an action plan with that name" in again.content.decode()
    edit = client.post(f"/action-plans/{made.pk}/edit/", {"plan": council.pk, "name": "Health"})
    assert edit.status_code == 302
    made.refresh_from_db()
    assert made.name == "Health" and made.programme is None
    assert ActionPlan.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "form", "message"),
    [
        ("/projects/new/", {"project_id": "new", "title": "x"}, "cannot be called"),
        ("/projects/PRJ-1/milestones/new/", {"title": "No date"}, "This field is required"),
        (
            "/projects/PRJ-1/milestones/new/",
            {"title": "Same", "due": "2019-01-01", "new_revised_due": "2019-01-01"},
            "already due on that date",
        ),
        ("/projects/PRJ-1/milestones/new/", {"title": "Short", "due": "01/03/19"}, "valid date"),
    ],
)
def test_project_forms_keep_the_importers_rules(client, council, url, form, message):
    client.force_login(builders.team_member())
    form = {"plan": council.pk, **form}
    response = client.post(url, form)
    assert response.status_code == 200 and message in response.content.decode()


def test_a_priority_sets_the_projects_outcome_and_a_mismatch_is_refused(client, council):
    from scorecard.framework.models import Outcome, Priority

    client.force_login(builders.team_member())
    priority = Priority.objects.get()
    other = Outcome.objects.create(plan=council, name="Another outcome")
    base = {"title": "x", "plan": council.pk, "priority": priority.pk}
    refused = client.post("/projects/new/", {**base, "project_id": "P-A", "outcome": other.pk})
    assert "This priority is under the outcome" in refused.content.decode()
    made = client.post("/projects/new/", {**base, "project_id": "P-B"})
    assert made.status_code == 302
    assert Project.objects.get(project_id="P-B").outcome == priority.outcome


def test_the_error_summary_links_to_the_first_radio(client, council):
    client.force_login(builders.team_member())
    response = client.post("/projects/PRJ-1/updates/new/", {"period": "Q2 2019/20"})
    page = response.content.decode()
    assert 'href="#id_status_0"' in page and 'id="id_status_0"' in page


def test_the_team_reports_no_direction_and_the_highlights_and_the_page_shows_them(client, council):
    client.force_login(builders.team_member())
    response = client.post(
        "/projects/PRJ-1/updates/new/",
        {
            "period": "Q3 2019/20",
            "status": "A",
            "direction": "none",
            "areas_of_success": "Hub <b>staffed</b>",
            "areas_of_concern": "Turnover",
            "focus_next_quarter": "Open the hub",
        },
    )
    assert response.status_code == 302
    update = ProjectUpdate.objects.get(period="2019/20 Q3")
    assert update.no_direction
    assert [text for _, text in update.highlights] == [
        "Hub <b>staffed</b>",
        "Turnover",
        "Open the hub",
    ]
    page = client.get("/projects/PRJ-1/?period=Q3 2019/20").content.decode()
    assert "The officer reported no direction for this period." in page
    assert "No direction" in page
    for heading in ("Areas of success", "Areas of concern", "Focus for next quarter"):
        assert f'<h2 class="govuk-heading-m">{heading}</h2>' in page
    assert "Hub &lt;b&gt;staffed&lt;/b&gt;" in page


def test_an_unknown_direction_is_refused_and_the_highlights_typed_are_kept(client, council):
    client.force_login(builders.team_member())
    response = client.post(
        "/projects/PRJ-1/updates/new/",
        {
            "period": "Q3 2019/20",
            "status": "A",
            "direction": "sideways",
            "areas_of_concern": "Turnover is high",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Select a valid choice" in page
    assert 'href="#id_direction"' in page
    assert "Turnover is high</textarea>" in page
    assert not ProjectUpdate.objects.filter(period="2019/20 Q3").exists()
