"""Action plan pages and forms: what they show, who may change things, and bad input."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scorecard.delivery.models import Action, ActionUpdate
from scorecard.people.permissions import PERFORMANCE_TEAM
from tests.delivery.test_action_plans import build_action_plans

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
PASSWORD = "a-long-test-password"


@pytest.fixture
def data():
    return build_action_plans()


def _user(username: str, *, team: bool) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    if team:
        user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    return user


@pytest.fixture
def team(client):
    client.force_login(_user("officer", team=True))
    return client


@pytest.fixture
def outsider(client):
    client.force_login(_user("reader", team=False))
    return client


def text_of(response) -> str:
    """The page's words, tags removed and spaces squeezed."""
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _plan_url(data) -> str:
    return f"/action-plans/{data['health'].pk}/"


def _action_url(data, reference="3.2") -> str:
    return f"/actions/{data['actions'][reference].pk}/"


# --- pages ------------------------------------------------------------------------------------


def test_list_shows_each_action_plan_with_counts_in_words(client, data):
    response = client.get("/action-plans/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Children and Young People's Plan" in page or "Children and Young People&#x27;s" in page
    assert "as at Q1 2018/19" in page
    assert "Programme: Health and Wellbeing" in page
    assert "Sub-group of Corporate Parenting Board" in page
    assert "1 Amber (A)" in page and "1 Blue (B)" in page and "1 No status" in page
    assert "2 overdue, 1 slipped, 2 with no update this quarter" in page


def test_list_offers_quarters_newest_first_with_the_default_chosen(client, data):
    html = client.get("/action-plans/").content.decode()
    options = re.findall(r'<option value="([^"]+)"( selected)?>', html)
    assert options == [("2018/19 Q2", ""), ("2018/19 Q1", " selected"), ("2017/18 Q4", "")]


def test_list_as_at_another_quarter(client, data):
    page = text_of(client.get("/action-plans/?plan=cypp&period=Q4+2017/18"))
    assert "as at Q4 2017/18" in page and "1 slipped" in page


@pytest.mark.parametrize(
    "url",
    [
        "/action-plans/?plan=no-such-plan",
        "/action-plans/?period=not-a-period",
        "/action-plans/?period=2030/31 Q1",
        "/action-plans/?period=2018/19",
        "/action-plans/999999/",
        "/action-plans/{health}/?flag=late",
        "/action-plans/{health}/?period=2010/11 Q1",
        "/actions/999999/",
        "/actions/{action}/?period=nonsense",
        "/actions/999999/edit/",
        "/actions/999999/updates/new/",
        "/action-plans/999999/actions/new/",
        "/actions/99999999999999999999999/",
        "/action-plans/99999999999999999999999/",
    ],
)
def test_unknown_things_are_not_found(team, data, url):
    url = url.format(health=data["health"].pk, action=data["actions"]["3.2"].pk)
    assert team.get(url).status_code == 404


def test_list_with_no_action_plans(client, db):
    response = client.get("/action-plans/")
    assert response.status_code == 200
    assert "There are no action plans" in text_of(response)


def test_action_plan_groups_actions_by_objective_with_dates_status_and_flags(client, data):
    response = client.get(_plan_url(data))
    assert response.status_code == 200
    html = response.content.decode()
    page = text_of(response)
    assert '<time datetime="2018-03-01">01.03.2018</time>' in html
    assert '<time datetime="2018-06-01">01.06.2018</time>' in html
    assert "01.03.2018 → revised to 01.06.2018" in page
    headings = re.findall(r'<h2 class="govuk-heading-m">([^<]+)</h2>', html)
    assert headings[:3] == [
        "1. Strengthen early help",
        "3. Improve emotional health and wellbeing",
        "Actions without an objective",
    ]
    for words in ("Amber (A)", "Red (R)", "Blue (B)", "Overdue", "Slipped"):
        assert words in page
    assert "No update this quarter" in page
    assert (
        "Jenny Thompson, Operational Manager Public Health West (Somerset County Council)" in page
    )
    assert "10.05.2018: Consultation started" in page


def test_action_plan_filtered_by_flag(client, data):
    page = text_of(client.get(_plan_url(data) + "?flag=slipped"))
    assert "Action 3.2" in page and "Action 1.1" not in page and "Action 1.3" not in page
    page = text_of(client.get(_plan_url(data) + "?flag=stale&period=2018/19 Q1"))
    assert "Action 1.3" in page and "Action 2.1" in page and "Action 3.2" not in page
    page = text_of(client.get(_plan_url(data) + "?flag=overdue&period=2017/18 Q4"))
    assert "No actions in this action plan are flagged ‘Overdue’ as at Q4 2017/18" in page


def test_action_page_shows_everything_about_an_action(client, data):
    response = client.get(_action_url(data))
    assert response.status_code == 200
    html = response.content.decode()
    page = text_of(response)
    assert "Alan Reece, Commissioner (Somerset CCG)" in page
    assert (
        "Jenny Thompson, Operational Manager Public Health West (Somerset County Council)" in page
    )
    assert "Due 01.06.2018, revised from 01.03.2018: slipped by 92 days" in page
    assert "Due 01.06.2018 and not complete by 30.06.2018" in page
    assert "Original date" in page and "Revision 1 (current)" in page
    assert "Amber (A): Some slippage or risk, being managed" in page
    # The update log, newest first.
    assert page.index("Consultation started") < page.index("Scoping the service")
    assert '<time datetime="2018-02-12">12.02.2018</time>' in html


def test_action_page_as_at_an_earlier_quarter(client, data):
    page = text_of(client.get(_action_url(data, "1.3") + "?period=Q4 2017/18"))
    assert "Flags as at Q4 2017/18" in page and "None: as at Q4 2017/18" in page


def test_action_without_date_owner_or_update(client, data):
    page = text_of(client.get(_action_url(data, "2.1")))
    assert "No date has been set" in page and "No owner given" in page
    assert "No progress updates have been given yet" in page and "No status" in page


def test_user_text_is_escaped_everywhere(client, data):
    action = data["actions"]["3.2"]
    Action.objects.filter(pk=action.pk).update(description=SCRIPT, objective=SCRIPT)
    ActionUpdate.objects.filter(action=action).update(text=SCRIPT)
    data["jenny"].name = SCRIPT
    data["jenny"].save()
    for url in ("/action-plans/", _plan_url(data), _action_url(data)):
        html = client.get(url).content.decode()
        assert SCRIPT not in html, url
    html = client.get(_action_url(data)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_take_few_queries(client, data):
    with CaptureQueriesContext(connection) as queries:
        client.get(_plan_url(data))
    assert len(queries) <= 12
    with CaptureQueriesContext(connection) as queries:
        client.get("/action-plans/")
    assert len(queries) <= 14


def test_links_to_change_things_only_for_the_team(client, data):
    assert "Add a progress update" not in client.get(_action_url(data)).content.decode()
    client.force_login(_user("officer", team=True))
    assert "Add a progress update" in client.get(_action_url(data)).content.decode()
    assert "Add an action" in client.get(_plan_url(data)).content.decode()


# --- who may change things --------------------------------------------------------------------


def _form_urls(data) -> list[str]:
    action = data["actions"]["3.2"].pk
    return [
        f"/action-plans/{data['health'].pk}/actions/new/",
        f"/actions/{action}/edit/",
        f"/actions/{action}/updates/new/",
    ]


def test_signed_out_visitors_are_sent_to_sign_in(anonymous_client, data):
    client = anonymous_client
    for url in _form_urls(data):
        for response in (client.get(url), client.post(url, {"text": "x", "reference": "9"})):
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/?next=")
    assert (Action.objects.count(), ActionUpdate.objects.count()) == (6, 5)


def test_signed_in_people_outside_the_team_are_forbidden(outsider, data):
    for url in _form_urls(data):
        assert outsider.get(url).status_code == 403
        assert outsider.post(url, {"text": "x", "reference": "9"}).status_code == 403
    assert (Action.objects.count(), ActionUpdate.objects.count()) == (6, 5)


def test_team_sees_every_form(team, data):
    for url in _form_urls(data):
        response = team.get(url)
        assert response.status_code == 200, url
        assert "There is a problem" not in response.content.decode()


# --- creating and changing actions ------------------------------------------------------------


def _new_action(data, **changes) -> dict:
    fields = {
        "reference": "4.1",
        "objective": "4. Reduce childhood obesity",
        "description": "Run a healthy weight campaign",
        "owners": [data["jenny"].pk, data["alan"].pk],
        "due": "01.03.2018",
        "status": "G",
    }
    return {**fields, **changes}


def test_team_adds_an_action(team, data):
    url = f"/action-plans/{data['health'].pk}/actions/new/"
    response = team.post(url, _new_action(data))
    action = Action.objects.get(action_plan=data["health"], reference="4.1")
    assert response.status_code == 302 and response["Location"] == f"/actions/{action.pk}/"
    assert action.due == date(2018, 3, 1) and action.revised_due == [] and action.status == "G"
    assert set(action.owners.all()) == {data["jenny"], data["alan"]}
    assert action.order == 6
    page = text_of(team.get(response["Location"]))
    assert "Success" in page and "Action 4.1 added" in page
    # The banner is shown once.
    assert "Action 4.1 added" not in text_of(team.get(response["Location"]))


def test_create_form_offers_statuses_with_their_meanings_and_existing_objectives(team, data):
    page = team.get(f"/action-plans/{data['health'].pk}/actions/new/").content.decode()
    assert "Blue (B): Complete or business as usual" in page
    assert '<option value="1. Strengthen early help">' in page
    assert "Jenny Thompson, Operational Manager Public Health West" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reference": "3.2"}, "This action plan already has an action 3.2"),
        ({"reference": ""}, "Enter the action&#x27;s reference, for example 3.2"),
        ({"description": ""}, "Describe the action"),
        ({"due": "31.02.2018"}, "Enter a real date"),
        ({"due": "01.03.3018"}, "Enter a date between 1900 and 2100"),
        ({"status": "X"}, "Select a valid choice"),
        ({"owners": ["999999"]}, "Select a valid choice"),
        ({"owners": ["nope"]}, "is not a valid value"),
        ({"owners": ["9" * 30]}, "Select a valid choice"),
        ({"owners": ["9" * 5000]}, "Select a valid choice"),
        ({"reference": "x" * 21}, "at most 20 characters"),
        ({"description": "bad\x00byte"}, "Null characters are not allowed"),
    ],
)
def test_bad_new_action_shows_errors_and_writes_nothing(team, data, changes, message):
    url = f"/action-plans/{data['health'].pk}/actions/new/"
    response = team.post(url, _new_action(data, **changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert "govuk-error-summary" in html and "<title>Error:" in html
    assert Action.objects.count() == 6


def test_editing_appends_a_revised_date_and_keeps_history(team, data):
    action = data["actions"]["3.2"]
    url = f"/actions/{action.pk}/edit/"
    form = _new_action(data, reference="3.2", status="B", due="01.01.2017")
    form["new_revised_due"] = "01.09.2018"
    response = team.post(url, form)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due == date(2018, 3, 1)  # the original date is kept, whatever is posted
    assert action.revised_due == ["2018-06-01", "2018-09-01"]
    assert action.status == "B"
    page = text_of(team.get(response["Location"]))
    assert "Action 3.2 saved" in page
    assert "01.03.2018 → revised to 01.06.2018 → revised to 01.09.2018" in page
    assert "slipped by 184 days" in page


def test_editing_without_a_new_date_keeps_the_dates(team, data):
    action = data["actions"]["3.2"]
    form = _new_action(data, reference="3.2b", description="Reworded")
    assert team.post(f"/actions/{action.pk}/edit/", form).status_code == 302
    action.refresh_from_db()
    assert (action.reference, action.description) == ("3.2b", "Reworded")
    assert (action.due, action.revised_due) == (date(2018, 3, 1), ["2018-06-01"])


def test_an_action_without_a_date_can_be_given_its_original_date(team, data):
    action = data["actions"]["2.1"]
    form = _new_action(data, reference="2.1", due="15.07.2018")
    assert team.post(f"/actions/{action.pk}/edit/", form).status_code == 302
    action.refresh_from_db()
    assert action.due == date(2018, 7, 15) and action.revised_due == []


@pytest.mark.parametrize(
    ("reference", "changes", "message"),
    [
        ("3.2", {"new_revised_due": "01.06.2018"}, "The action is already due on 01.06.2018"),
        ("2.1", {"due": "", "new_revised_due": "01.06.2018"}, "Give the original date"),
        ("3.2", {"new_revised_due": "tomorrow"}, "Enter a real date"),
        ("3.2", {"reference": "1.1"}, "This action plan already has an action 1.1"),
        ("3.2", {"status": "Z"}, "Select a valid choice"),
    ],
)
def test_bad_edit_shows_errors_and_writes_nothing(team, data, reference, changes, message):
    action = data["actions"][reference]
    before = Action.objects.filter(pk=action.pk).values().get()
    owners = set(action.owners.all())
    form = _new_action(data, **{"reference": reference, "description": "Changed", **changes})
    response = team.post(f"/actions/{action.pk}/edit/", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert f"Change action {reference}" in html
    assert Action.objects.filter(pk=action.pk).values().get() == before
    assert set(Action.objects.get(pk=action.pk).owners.all()) == owners


def test_edit_form_shows_the_original_date_fixed_once_set(team, data):
    html = team.get(_action_url(data) + "edit/").content.decode()
    assert re.search(r'name="due"[^>]*value="01.03.2018"[^>]*disabled', html)
    assert 'name="new_revised_due"' in html


# --- progress updates -------------------------------------------------------------------------


def _update_url(data, reference="3.2") -> str:
    return f"/actions/{data['actions'][reference].pk}/updates/new/"


def test_team_adds_a_dated_update(team, data):
    response = team.post(_update_url(data), {"dated": "20.06.2018", "text": "Report written"})
    assert response.status_code == 302
    assert ActionUpdate.objects.filter(
        action=data["actions"]["3.2"], dated=date(2018, 6, 20), text="Report written"
    ).exists()
    page = text_of(team.get(response["Location"]))
    assert "Progress update dated 20.06.2018 added to 3.2" in page
    assert page.index("Report written") < page.index("Consultation started")


def test_update_form_suggests_today(team, data):
    today = timezone.localdate()
    assert f'value="{today:%d.%m.%Y}"' in team.get(_update_url(data)).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"dated": "10.05.2018", "text": "Again"}, "already has an update dated 10.05.2018"),
        ({"dated": "FUTURE", "text": "Soon"}, "must be today or in the past"),
        ({"dated": "", "text": "No date"}, "Enter the date of the update"),
        ({"dated": "32.01.2018", "text": "Bad"}, "Enter a real date"),
        ({"dated": "01.01.1066", "text": "Old"}, "Enter a date between 1900 and today"),
        ({"dated": "01.06.2018", "text": ""}, "Enter the progress update"),
        ({"dated": "01.06.2018", "text": "a\x00b"}, "Null characters are not allowed"),
    ],
)
def test_bad_update_shows_errors_and_writes_nothing(team, data, fields, message):
    if fields["dated"] == "FUTURE":
        fields = {**fields, "dated": f"{timezone.localdate() + timedelta(days=1):%d.%m.%Y}"}
    response = team.post(_update_url(data), fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert ActionUpdate.objects.count() == 5


def test_forms_enforce_csrf(data):
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(_user("officer", team=True))
    url = _update_url(data)
    fields = {"dated": "20.06.2018", "text": "Report written"}
    assert csrf.post(url, fields).status_code == 403
    new = f"/action-plans/{data['health'].pk}/actions/new/"
    assert csrf.post(new, _new_action(data)).status_code == 403
    assert (Action.objects.count(), ActionUpdate.objects.count()) == (6, 5)
    csrf.get(url)
    token = csrf.cookies["csrftoken"].value
    assert csrf.post(url, {**fields, "csrfmiddlewaretoken": token}).status_code == 302
    assert ActionUpdate.objects.count() == 6


@pytest.mark.parametrize(
    "query",
    ["?period=%00", "?flag=%00", "?period=Q9 2018/19", "?plan=%00", "?period=" + "9" * 400],
)
def test_hostile_queries_never_fail(client, data, query):
    for url in ("/action-plans/", _plan_url(data), _action_url(data)):
        assert client.get(url + query).status_code in (200, 400, 404)


# --- the demo's task group work plans (seed 004) -------------------------------------------


@pytest.fixture
def corporate_parenting(db):
    """The demo's Corporate Parenting plan only (files 040-049), through the importer."""
    from scorecard.demo.loader import demo_files
    from scorecard.interchange.importer import import_files

    import_files([f for f in demo_files() if f.name.startswith("04")], entered_by="test")


def test_every_demo_action_plan_and_action_answers(client, corporate_parenting):
    from scorecard.delivery.models import ActionPlan

    plans = ActionPlan.objects.filter(plan__plan_id="corporate-parenting")
    assert plans.count() == 4
    assert client.get("/action-plans/?plan=corporate-parenting").status_code == 200
    urls = [p.get_absolute_url() for p in plans]
    urls += [a.get_absolute_url() for a in Action.objects.filter(action_plan__in=plans)]
    failed = {url: code for url in urls if (code := client.get(url).status_code) != 200}
    assert failed == {} and len(urls) > 80


def test_demo_action_revised_by_its_task_group_shows_both_dates_and_is_slipped(
    client, corporate_parenting
):
    action = Action.objects.get(action_plan__name="Health and Wellbeing", reference="3.1")
    page = text_of(client.get(action.get_absolute_url()))
    assert "20.02.2017 → revised to 01.03.2018" in page
    assert "Due 01.03.2018, revised from 20.02.2017: slipped by 374 days" in page
