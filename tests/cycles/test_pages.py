"""The cycle's pages: an owner enters a value, the team reviews, completeness, the cycle form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.measures.models import Observation, ObservationRevision

pytestmark = pytest.mark.django_db


def value_url(measure_id, cycle, period="2019/20 Q3"):
    return f"/measures/{measure_id}/values/new/?cycle={cycle.pk}&period={period}"


def form_data(client, url, **fields):
    page = client.get(url)
    assert page.status_code == 200
    return {"period": "2019/20 Q3", "loaded": page.context["form"]["loaded"].value(), **fields}


def test_my_updates_lists_what_is_due_from_me_with_the_deadline(owner, bp_cycle):
    page = owner.get("/my-updates/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Due from you" in text
    assert "BP-HV-NBV" in text
    assert "BP-FIN-RBO" not in text
    assert "17 January 2020" in text and "overdue" in text
    assert "My updates" in text


def test_an_owner_enters_their_measures_value_and_it_is_submitted(owner, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    response = owner.post(url, form_data(owner, url, value="88.5", commentary="Better staffing"))
    assert response.status_code == 302
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert reading.value == Decimal("88.5")
    assert reading.entered_by == "Jenny Thompson"
    submission = Submission.objects.get(cycle=bp_cycle, measure=reading.measure)
    assert submission.state == "submitted"
    assert "Submitted, waiting" in owner.get("/my-updates/").content.decode()


@pytest.mark.parametrize("form", ["Q3 2019/20", "Q3 19/20", "2019/20 q3"])
def test_the_value_form_takes_the_period_in_any_form(owner, bp_cycle, form):
    url = value_url("BP-HV-NBV", bp_cycle, form)
    response = owner.post(url, {**form_data(owner, url, value="88.5"), "period": form})
    assert response.status_code == 302
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert reading.value == Decimal("88.5")


def test_the_value_form_refuses_a_period_it_cannot_read(owner, bp_cycle):
    assert owner.get(value_url("BP-HV-NBV", bp_cycle, "Q7 2019/20")).status_code == 404


def test_an_owner_cannot_enter_another_owners_value(owner, bp_cycle):
    url = value_url("BP-FIN-RBO", bp_cycle)
    assert owner.get(url).status_code == 403
    response = owner.post(url, {"period": "2019/20 Q3", "value": "1", "loaded": "new"})
    assert response.status_code == 403
    assert not Observation.objects.filter(measure__measure_id="BP-FIN-RBO", period="2019/20 Q3")
    assert not Submission.objects.exists()


def test_a_viewer_cannot_enter_a_value(client, bp_cycle):
    assert client.get(value_url("BP-HV-NBV", bp_cycle)).status_code == 403


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("101", "A percentage must be between 0 and 100"),
        ("-2", "The value cannot be less than 0"),
        ("lots", "Enter a number, for example 42 or 87.5"),
        ("", "Enter a value, or a numerator and a denominator"),
    ],
)
def test_bad_values_are_explained_by_field_and_nothing_is_written(owner, bp_cycle, value, message):
    url = value_url("BP-HV-NBV", bp_cycle)
    response = owner.post(url, form_data(owner, url, value=value))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not Observation.objects.filter(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")


def test_a_period_outside_the_cycle_is_refused(owner, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    data = form_data(owner, url, value="50")
    data["period"] = "2019/20 Q2"
    response = owner.post(url, data)
    assert "This reporting cycle does not ask for a reading of that period" in (
        response.content.decode()
    )
    assert not Submission.objects.exists()


def test_a_value_far_from_history_needs_a_confirmation_tick(owner, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    data = form_data(owner, url, value="2")
    response = owner.post(url, data)
    assert response.status_code == 200
    assert "much lower than any this measure has had" in response.content.decode()
    assert "I have checked this value and it is right" in response.content.decode()
    assert not Observation.objects.filter(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    response = owner.post(url, {**data, "confirm": "on"})
    assert response.status_code == 302
    assert Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3").value == 2


def test_the_second_of_two_people_editing_a_reading_is_refused_and_keeps_their_input(
    owner, team, bp_cycle
):
    url = value_url("BP-HV-NBV", bp_cycle)
    mine = form_data(owner, url, value="88", commentary="Mine")
    theirs = form_data(team, url, value="87", commentary="Theirs")
    assert team.post(url, theirs).status_code == 302
    response = owner.post(url, mine)
    text = response.content.decode()
    assert response.status_code == 200
    assert "after you opened this form, so yours was not saved" in text
    assert 'value="88"' in text
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    from scorecard.audit.when import described

    assert f"at {described(reading.entered_at)}, after you opened" in text
    assert reading.commentary == "Theirs"
    # Saving again, having seen theirs, replaces it and keeps theirs in the history.
    again = {**mine, "loaded": response.context["form"].data["loaded"]}
    assert owner.post(url, again).status_code == 302
    reading.refresh_from_db()
    assert reading.commentary == "Mine"
    assert ObservationRevision.objects.get(observation=reading).commentary == "Theirs"


def test_the_team_approves_and_returns_and_the_owner_sees_the_comment(owner, team, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    owner.post(url, form_data(owner, url, value="88.5"))
    reading = Observation.objects.get(period="2019/20 Q3", measure__measure_id="BP-HV-NBV")
    key = f"measure:{reading.measure_id}:2019/20 Q3"
    review = team.get(f"/cycles/{bp_cycle.pk}/")
    assert review.status_code == 200 and "Approve" in review.content.decode()
    refused = team.post(f"/cycles/{bp_cycle.pk}/decide/", {"item": key, "decision": "return"})
    assert refused.status_code == 200
    assert "Enter why you are returning the selected items" in refused.content.decode()
    assert Submission.objects.get().state == "submitted"
    team.post(
        f"/cycles/{bp_cycle.pk}/decide/",
        {"item": key, "decision": "return", "comment": "Please add <b>commentary</b>"},
    )
    submission = Submission.objects.get()
    assert submission.state == "returned"
    page = owner.get("/my-updates/").content.decode()
    assert "Returned to you" in page
    assert "Please add &lt;b&gt;commentary&lt;/b&gt;" in page
    team.post(f"/cycles/{bp_cycle.pk}/decide/", {"item": key, "decision": "approve"})
    assert Submission.objects.get().state == "approved"


def test_only_the_team_reviews_and_decides(owner, bp_cycle):
    for url in (
        "/cycles/",
        "/cycles/new/",
        f"/cycles/{bp_cycle.pk}/",
        f"/cycles/{bp_cycle.pk}/edit/",
        f"/cycles/{bp_cycle.pk}/completeness/",
    ):
        assert owner.get(url).status_code == 403, url
    response = owner.post(f"/cycles/{bp_cycle.pk}/decide/", {"item": "x", "decision": "approve"})
    assert response.status_code == 403


def test_completeness_is_on_the_review_page_and_old_links_land_there(owner, team, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    owner.post(url, form_data(owner, url, value="88.5"))
    old = team.get(f"/cycles/{bp_cycle.pk}/completeness/")
    assert old.status_code == 302
    assert old["Location"] == f"/cycles/{bp_cycle.pk}/?state=all#completeness"
    page = team.get(old["Location"])
    text = page.content.decode()
    total = page.context["overall"].total
    assert f"1 of {total} items are in" in text
    assert "Tony Johnson" in text  # owner2 has submitted nothing


def test_the_team_adds_a_cycle_and_bad_dates_are_explained(team, cycle_council):
    data = {
        "plan": ReportingCycle.objects.first().plan_id,
        "period": "Q4 2019/20",
        "opens": "2020-03-16",
        "deadline": "2020-03-01",
        "closes": "2020-04-30",
        "reminder_dates": "2020-03-20, soon",
    }
    response = team.post("/cycles/new/", data)
    text = response.content.decode()
    assert "The deadline must be on or after the opening date" in text
    assert "&#x27;soon&#x27; is not a date" in text
    data |= {"deadline": "2020-04-17", "reminder_dates": "2020-05-01"}
    text = team.post("/cycles/new/", data).content.decode()
    assert "is not between the opening date and the deadline" in text
    data |= {"reminder_dates": "2020-04-06, 2020-04-14"}
    assert team.post("/cycles/new/", data).status_code == 302
    cycle = ReportingCycle.objects.get(period="2019/20 Q4")
    assert [r.on.isoformat() for r in cycle.reminders.all()] == ["2020-04-06", "2020-04-14"]
    assert "already has a cycle" in team.post("/cycles/new/", data).content.decode()


def test_the_team_sees_every_cycle(team, bp_cycle):
    text = team.get("/cycles/").content.decode()
    assert "Business" in text or bp_cycle.plan.name in text
    assert "Closed" in text


def test_a_cycle_closed_by_the_team_takes_no_more_entries_from_owners(owner, team, bp_cycle):
    bp_cycle.closed = True
    bp_cycle.save()
    url = value_url("BP-HV-NBV", bp_cycle)
    assert owner.get(url).status_code == 403
    assert "BP-HV-NBV" not in owner.get("/my-updates/").content.decode()
    assert team.get(url).status_code == 200


def test_a_returned_highlight_report_is_sent_again_by_its_owner(owner, owner2, team, bp_cycle):
    from scorecard.core.periods import Period
    from scorecard.delivery.models import HighlightReport
    from scorecard.framework.models import Programme

    cycle = ReportingCycle.objects.get(plan__plan_id="cypp")
    programme = Programme.objects.get(plan__plan_id="cypp", name__startswith="Promoting healthy")
    report = HighlightReport(programme=programme, status="G")
    report.set_period(Period.quarter(2019, 3))
    report.save()
    key = f"highlight report:{programme.pk}"
    assert "Submitted, waiting" in owner.get("/my-updates/").content.decode()
    team.post(
        f"/cycles/{cycle.pk}/decide/", {"item": key, "decision": "return", "comment": "Add risks"}
    )
    page = owner.get("/my-updates/").content.decode()
    assert "Add risks" in page and "Send again" in page
    assert owner2.post(f"/cycles/{cycle.pk}/resubmit/", {"item": key}).status_code == 403
    assert owner.post(f"/cycles/{cycle.pk}/resubmit/", {"item": key}).status_code == 302
    assert Submission.objects.get(cycle=cycle, programme=programme).state == "submitted"


def test_the_team_finds_every_cycle_from_my_updates(team, bp_cycle):
    assert "/cycles/" in team.get("/my-updates/").content.decode()


def test_forms_refuse_a_post_without_the_csrf_token(bp_cycle):
    from django.contrib.auth.models import User
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(User.objects.get(username="owner"))
    url = value_url("BP-HV-NBV", bp_cycle)
    assert strict.post(url, {"period": "2019/20 Q3", "value": "50"}).status_code == 403
    assert not Observation.objects.filter(period="2019/20 Q3").exists()


def test_the_pages_need_a_sign_in(anonymous_client, bp_cycle):
    for url in (
        "/my-updates/",
        value_url("BP-HV-NBV", bp_cycle),
        f"/cycles/{bp_cycle.pk}/template.xlsx",
        f"/cycles/{bp_cycle.pk}/upload/",
        "/cycles/",
    ):
        response = anonymous_client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_a_cycle_number_that_is_not_ascii_digits_is_not_found(owner, bp_cycle):
    for chosen in ("²", "١", "1" * 19, "-1"):
        response = owner.get(f"/measures/BP-HV-NBV/values/new/?cycle={chosen}")
        assert response.status_code == 404, chosen


def _returned_highlight_report(owner, team):
    from scorecard.core.periods import Period
    from scorecard.delivery.models import HighlightReport
    from scorecard.framework.models import Programme

    cycle = ReportingCycle.objects.get(plan__plan_id="cypp")
    programme = Programme.objects.get(plan__plan_id="cypp", name__startswith="Promoting healthy")
    report = HighlightReport(programme=programme, status="G")
    report.set_period(Period.quarter(2019, 3))
    report.save()
    return cycle, programme, f"highlight report:{programme.pk}"


def test_an_approved_item_is_not_sent_again(owner, team, bp_cycle):
    cycle, programme, key = _returned_highlight_report(owner, team)
    team.post(f"/cycles/{cycle.pk}/decide/", {"item": key, "decision": "approve"})
    response = owner.post(f"/cycles/{cycle.pk}/resubmit/", {"item": key}, follow=True)
    assert "has not been returned to you" in response.content.decode()
    assert Submission.objects.get(cycle=cycle, programme=programme).state == "approved"


def test_nothing_is_sent_again_in_a_closed_cycle(owner, team, bp_cycle):
    cycle, programme, key = _returned_highlight_report(owner, team)
    team.post(
        f"/cycles/{cycle.pk}/decide/", {"item": key, "decision": "return", "comment": "Add risks"}
    )
    cycle.closed = True
    cycle.save()
    assert owner.post(f"/cycles/{cycle.pk}/resubmit/", {"item": key}).status_code == 403
    assert Submission.objects.get(cycle=cycle, programme=programme).state == "returned"


def test_a_changed_value_keeps_what_it_replaced_and_an_unchanged_one_keeps_nothing(owner, bp_cycle):
    url = value_url("BP-HV-NBV", bp_cycle)
    owner.post(url, form_data(owner, url, value="88.5", commentary="First"))
    first = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    owner.post(url, form_data(owner, url, value="88.5", commentary="First"))
    assert not ObservationRevision.objects.filter(observation=first).exists()
    owner.post(url, form_data(owner, url, value="89", commentary="Second"))
    revision = ObservationRevision.objects.get(observation=first)
    assert (revision.value, revision.commentary, revision.entered_by) == (
        Decimal("88.5"),
        "First",
        "Jenny Thompson",
    )
    assert revision.entered_at < revision.replaced_at
    first.refresh_from_db()
    assert (first.value, first.commentary) == (Decimal(89), "Second")


def test_a_value_typed_with_counts_that_do_not_make_it_is_kept_and_warned_of(owner, bp_cycle):
    # The measure takes counts (an earlier reading has them): the form offers the value too.
    Observation.objects.filter(measure__measure_id="BP-HV-NBV", period="2019/20 Q1").update(
        numerator=90, denominator=100
    )
    url = value_url("BP-HV-NBV", bp_cycle)
    data = form_data(owner, url, value="88", numerator="87", denominator="100")
    response = owner.post(url, data, follow=True)
    text = response.content.decode()
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert (reading.value, reading.written_decimals) == (88, 0)
    assert (reading.numerator, reading.denominator) == (87, 100)
    # Said in the GOV.UK notification banner ("Important"), not as an error nor a success.
    [banner] = [m for m in response.context["messages"] if m.level_tag == "warning"]
    assert str(banner) == (
        "The value does not match 87/100 (which makes 87). The value you entered is kept as typed"
    )
    assert "govuk-notification-banner__title" in text and "Important" in text
    assert "There is a problem" not in text
    # Flagged on the measure's page, as an imported one is.
    page = owner.get("/measures/BP-HV-NBV/").content.decode()
    assert "The value does not match 87/100 (which makes 87)" in page


def test_a_value_its_counts_make_is_saved_without_a_warning(owner, bp_cycle):
    Observation.objects.filter(measure__measure_id="BP-HV-NBV", period="2019/20 Q1").update(
        numerator=90, denominator=100
    )
    url = value_url("BP-HV-NBV", bp_cycle)
    data = form_data(owner, url, value="86.7", numerator="130", denominator="150")
    response = owner.post(url, data, follow=True)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert (reading.value, reading.written_decimals) == (Decimal("86.7"), 1)


@pytest.mark.parametrize(("typed", "shown"), [("1.5", "£1.5m"), ("1.50", "£1.50m"), ("2", "£2m")])
def test_a_figure_typed_in_the_form_is_shown_as_typed_when_the_council_set_no_decimals(
    team, bp_cycle, typed, shown
):
    # Revenue outturn's decimals were left blank (the seed writes £2.18m and £3.158m).
    url = value_url("BP-FIN-RBO", bp_cycle)
    assert team.post(url, form_data(team, url, value=typed, confirm="on")).status_code == 302
    page = team.get("/measures/BP-FIN-RBO/").content.decode()
    assert f"{shown}</strong>" in page


def test_a_figure_typed_in_the_form_takes_the_decimals_the_council_set(owner, bp_cycle):
    # Health visitor contacts are set to one decimal: the council's house style wins.
    url = value_url("BP-HV-NBV", bp_cycle)
    assert owner.post(url, form_data(owner, url, value="88")).status_code == 302
    assert "88.0%" in owner.get("/measures/BP-HV-NBV/").content.decode()
