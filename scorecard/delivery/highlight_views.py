"""Highlight reports: adding and changing one (the pages that show them, rated, are in
`scorecard/pages/highlight_views.py`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.delivery.highlight_forms import HighlightReportForm
from scorecard.delivery.models import HighlightReport
from scorecard.form_pages import form_page
from scorecard.framework.models import Programme
from scorecard.people.permissions import require_change


def highlight_report_for(programme_id: int, label: str) -> HighlightReport:
    """A programme's report for a quarter however its label is written; 404 when none."""
    try:
        period = parse_period(label)
    except PeriodError:
        raise Http404(f"There is no quarter called {label!r}") from None
    reports = HighlightReport.objects.select_related("programme__plan", "author__organisation")
    return get_object_or_404(reports, programme_id=programme_id, period=period.label)


def _form_page(request, form, programme: Programme, title: str, back_url: str):
    caption, submit = programme.name, "Save highlight report"
    return form_page(request, form, title=title, back_url=back_url, caption=caption, submit=submit)


@login_required
def highlight_report_create(request, programme_id: int):
    programme: Programme = get_object_or_404(
        Programme.objects.select_related("plan"), pk=programme_id
    )
    require_change(request.user, programme)
    form = HighlightReportForm(request.POST or None, programme=programme, user=request.user)
    if request.method == "POST" and form.is_valid():
        require_change(request.user, form.instance)
        if report := form.save_unless_changed():
            messages.success(request, f"Highlight report for {report.period_obj.display} added")
            return redirect(report)
    back = f"/highlight-reports/?plan={programme.plan.plan_id}"
    return _form_page(request, form, programme, "Add a highlight report", back)


@login_required
def highlight_report_edit(request, programme_id: int, period: str):
    report = highlight_report_for(programme_id, period)
    require_change(request.user, report)
    form = HighlightReportForm(
        request.POST or None, instance=report, programme=report.programme, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        # Checked again on the report as it will be: its author cannot hand it to someone else.
        require_change(request.user, form.instance)
        if form.save_unless_changed():
            messages.success(request, "Highlight report saved")
            return redirect(report)
    title = f"Change the highlight report for {report.period_obj.display}"
    return _form_page(request, form, report.programme, title, report.get_absolute_url())
