"""The Reports page: the same reports as `scorecard report`, to download."""

from __future__ import annotations

from django.db import OperationalError
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import render

from scorecard.audit.middleware import busy
from scorecard.core.periods import Period, PeriodKind
from scorecard.delivery.models import HighlightReport
from scorecard.delivery.picking import periods_of
from scorecard.framework.models import Plan
from scorecard.measures.models import Observation
from scorecard.measures.periods import available_periods
from scorecard.measures.picking import chosen_period, chosen_plan
from scorecard.people.permissions import performance_team_required
from scorecard.reports.as_at import build_report, rendered
from scorecard.reports.claims import claims_to_check
from scorecard.reports.document import ReportUnavailable
from scorecard.reports.forms import ReportForm
from scorecard.reports.kinds import FORMATS, KINDS, file_name


def _latest_quarter() -> str:
    """The quarter of the latest figure: the period an officer most likely wants."""
    found = Observation.objects.approved().aggregate(Max("period_last_month"))
    latest = found["period_last_month__max"]
    if latest is None:
        return ""
    return Period.quarter_containing(Period(PeriodKind.MONTH, latest, 1).start).display


def reports(request):
    asked = "kind" in request.GET
    form = ReportForm(
        request.GET if asked else None,
        initial={
            "kind": "corporate",
            "format": "pdf",
            "layout": "cards",
            "period": _latest_quarter(),
        },
    )
    if asked and form.is_valid():
        chosen = form.cleaned_data
        try:
            report = build_report(
                chosen["kind"],
                chosen["period"],
                chosen["plan"] or None,
                chosen["as_at"],
                layout=chosen["layout"],
            )
        except ReportUnavailable as exc:
            form.add_error(
                None, f"There is no {KINDS[chosen['kind']].title.lower()} to make: {exc}."
            )
        except OperationalError:
            # Only a report as at a past moment rewinds, and may meet a row being saved.
            return busy(request)
        else:
            return _download(report, chosen["format"], chosen["plan"], chosen["as_at"])
    status = 400 if asked else 200
    return render(
        request, "reports/page.html", {"form": form, "kinds": KINDS.values()}, status=status
    )


def _download(report, format_name: str, plan_id: str, moment=None) -> HttpResponse:
    response = HttpResponse(
        rendered(report, format_name, moment), content_type=FORMATS[format_name][1]
    )
    disposition = "inline" if format_name == "html" else "attachment"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{file_name(report, format_name, plan_id)}"'
    )
    return response


@performance_team_required
def claims(request):
    """The performance team's list of stated changes their own figures do not bear out, for a
    plan and period, to correct before the paper goes out."""
    plan = chosen_plan(request, Plan.objects.all())
    offered: list[Period] = []
    if plan is not None:
        reported = periods_of(HighlightReport.objects.filter(programme__plan=plan))
        offered = sorted(
            {*available_periods(plan), *reported},
            key=lambda p: (-p.last_month, -p.months, p.kind.value),
        )
    period = chosen_period(request.GET.get("period"), offered)
    found = claims_to_check(plan, period) if plan is not None and period is not None else []
    return render(
        request,
        "reports/claims.html",
        {
            "plan": plan,
            "plans": Plan.objects.order_by("order", "name"),
            "periods": offered,
            "period": period,
            "claims": found,
            "show_plan_choice": True,
            "period_hint": "Commentary and highlight reports for this period and those in it.",
            "period_button": "Check claims",
        },
    )
