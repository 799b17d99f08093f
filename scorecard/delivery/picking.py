"""Reading the plan and period a delivery page is asked for: unknown ones are a 404."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from scorecard.core.periods import Period, PeriodKind
from scorecard.framework.models import Plan
from scorecard.measures.periods import chosen_period


def chosen_plan(request, with_items: QuerySet[Plan]) -> Plan | None:
    """The plan asked for, else the first that has something to show."""
    plan_id = request.GET.get("plan")
    if plan_id:
        return get_object_or_404(Plan, plan_id=plan_id)
    return with_items.order_by("order", "pk").first() or Plan.objects.first()


def periods_of(rows: QuerySet) -> list[Period]:
    """Distinct periods of rows with PeriodColumns, newest first."""
    distinct = rows.order_by().values_list("period_kind", "period_first_month", "period_months")
    periods = {Period(PeriodKind(k), f, m) for k, f, m in distinct.distinct()}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))


def chosen(request, offered: list[Period]) -> Period | None:
    label = request.GET.get("period")
    if label and not offered:
        raise Http404(f"There is no data for {label!r}")
    return chosen_period(label, offered)
