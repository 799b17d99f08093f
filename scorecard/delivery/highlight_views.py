"""Highlight reports: the quarter's executive summary, one programme's report, and the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import PeriodError
from scorecard.delivery import highlights
from scorecard.delivery.highlight_forms import HighlightReportForm
from scorecard.delivery.models import HighlightReport
from scorecard.form_pages import form_page
from scorecard.framework.models import Plan, Programme
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.people.permissions import require_change


def executive_summary(request):
    with_reports = Plan.objects.filter(programmes__highlight_reports__isnull=False).distinct()
    plan = chosen_plan(request, with_reports)
    offered = highlights.reported_quarters(plan)
    quarter = chosen_period(request.GET.get("period"), offered)
    summary = highlights.executive_summary(plan, quarter) if plan and quarter else None
    return render(
        request,
        "delivery/executive_summary.html",
        {
            "plan": plan,
            "plans": Plan.objects.all(),
            "show_plan_choice": True,
            "periods": offered,
            "period": quarter,
            "period_label": "Quarter",
            "period_hint": "The quarter the programmes' highlight reports are for.",
            "period_button": "Show summary",
            "summary": summary,
            "programmes": plan.programmes.current() if plan else [],
        },
    )


def _report(programme_id: int, label: str) -> HighlightReport:
    try:
        period = parse_period(label)
    except PeriodError:
        raise Http404(f"There is no quarter called {label!r}") from None
    reports = HighlightReport.objects.select_related("programme__plan", "author__organisation")
    return get_object_or_404(reports, programme_id=programme_id, period=period.label)


def highlight_report_detail(request, programme_id: int, period: str):
    report = _report(programme_id, period)
    context = highlights.report_context(report)
    return render(request, "delivery/highlight_report.html", context)


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
    report = _report(programme_id, period)
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
