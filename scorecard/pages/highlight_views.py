"""Pages: the executive summary of a quarter's highlight reports, and one highlight report
with its programme's measures, projects and actions rated as at its quarter."""

from __future__ import annotations

from django.shortcuts import render

from scorecard.delivery.highlight_views import highlight_report_for
from scorecard.framework.models import Plan
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.scoring import executive_summary as highlights


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


def highlight_report_detail(request, programme_id: int, period: str):
    report = highlight_report_for(programme_id, period)
    context = highlights.report_context(report)
    return render(request, "delivery/highlight_report.html", context)
