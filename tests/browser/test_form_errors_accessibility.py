"""Every form's error state, checked with axe-core: the forms that no other browser test sends
back with errors, each sent with something wrong in one signed-in page (one demo, one sign-in,
so the run stays short). The error summary must be showing before axe is run."""

import pytest

from scorecard.demo.loader import DEMO_PASSWORD
from tests.browser.axe import error_violations, needs_browser, sign_in, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


CHANGED_MEANWHILE = "changed meanwhile"


def forms_sent_wrong():
    """(name, address, {field: value to type}) for each form: a required field emptied, or a
    value it refuses."""
    from scorecard.cycles.models import ReportingCycle
    from scorecard.delivery.models import ActionPlan, HighlightReport, Milestone
    from scorecard.measures.models import Measure

    milestone = Milestone.objects.select_related("project").order_by("pk").first()
    project = milestone.project.project_id
    report = HighlightReport.objects.order_by("pk").first()
    cycle = ReportingCycle.objects.order_by("pk").first()
    plan = ActionPlan.objects.order_by("pk").first()
    return [
        ("project edit", f"/projects/{project}/edit/", {"#id_title": ""}),
        ("new milestone", f"/projects/{project}/milestones/new/", {"#id_title": ""}),
        (
            "milestone edit",
            f"/projects/{project}/milestones/{milestone.pk}/edit/",
            {"#id_title": ""},
        ),
        ("new action plan", "/action-plans/new/", {"#id_name": ""}),
        ("action plan edit", f"/action-plans/{plan.pk}/edit/", {"#id_name": ""}),
        (
            "new highlight report",
            f"/programmes/{report.programme_id}/highlight-reports/new/",
            {},
        ),
        # Nothing to empty (the quarter is fixed, a status always chosen): changed by someone
        # else while the form was open, it is sent back with the conflict as its error.
        (
            "highlight report edit, changed meanwhile",
            f"{report.get_absolute_url()}edit/",
            {
                CHANGED_MEANWHILE: lambda: HighlightReport.objects.filter(pk=report.pk).update(
                    areas_of_success="Changed by someone else"
                ),
                "#id_areas_of_success": "Mine",
            },
        ),
        (
            "progress statement, changed meanwhile",
            "/measures/BP-HV-NBV/progress/",
            {
                CHANGED_MEANWHILE: lambda: Measure.objects.filter(measure_id="BP-HV-NBV").update(
                    progress_statement="Changed by someone else"
                ),
                "#id_progress_statement": "Mine",
            },
        ),
        ("cycle edit", f"/cycles/{cycle.pk}/edit/", {"#id_period": "not a period"}),
    ]


def test_forms_showing_their_errors_have_no_axe_violations(live_server, demo_council, browser):
    from scorecard.demo.loader import add_demo_cycles, add_demo_users

    add_demo_users()
    add_demo_cycles()
    base = live_server.url
    context = browser.new_context()
    page = context.new_page()
    found = {}
    try:
        sign_in(page, base, "performance", DEMO_PASSWORD)
        for name, url, fill in forms_sent_wrong():
            visit(page, f"{base}{url}")
            for selector, value in fill.items():
                if selector == CHANGED_MEANWHILE:
                    value()
                else:
                    page.fill(selector, value)
            page.click("main button[type=submit]")
            found[name] = error_violations(page)
        # The admin's form for a person's role: the plans it lists are the only choices, so
        # its error comes only from a request made by hand, as here (a plan that is not there).
        from django.contrib.auth.models import User

        sign_in(page, base, "admin", DEMO_PASSWORD)
        visit(page, f"{base}/accounts/people/{User.objects.get(username='viewer').pk}/")
        page.evaluate(
            "document.querySelector('main input[name=role]').form.insertAdjacentHTML("
            "'beforeend', '<input type=hidden name=plans value=999999>')"
        )
        page.click("main form:has(input[name=role]) button[type=submit]")
        found["role form, a plan not offered"] = error_violations(page)
    finally:
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
