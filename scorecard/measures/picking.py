"""Reading the plan and period a page is asked for (`?plan=`, `?period=`), the same way on every
page: one not known is a 404 that says which and why, never a 500."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.framework.models import Plan
from scorecard.measures.periods import REPORTING_KINDS


def chosen_plan(request, first_of: QuerySet[Plan] | None) -> Plan | None:
    """The plan asked for; when none is, the first of `first_of` (the plans with something to
    show), else the first plan; None when `first_of` is None (the page then shows every plan)."""
    plan_id = request.GET.get("plan")
    if plan_id:
        plan = Plan.objects.filter(plan_id=plan_id).first()
        if plan is None:
            raise Http404(f"There is no plan {plan_id!r}")
        return plan
    if first_of is None:
        return None
    return first_of.order_by("order", "pk").first() or Plan.objects.first()


def period_called(label: str) -> Period:
    """The period an address names, in any way councils write one; a 404 that says so when it
    names none."""
    try:
        return parse_period(label)
    except PeriodError:
        raise Http404(f"There is no period called {label!r}") from None


def chosen_period(
    label: str | None,
    offered: list[Period],
    *,
    newest: bool = True,
    none_for: str = "There is no data for",
) -> Period | None:
    """The period asked for, when it is one offered; when none is, the newest offered (of the
    kinds councils report in, if any), or None with newest=False (the page then shows the
    latest of each item). `none_for` begins the message for a period with nothing to show."""
    if not label:
        if not newest:
            return None
        reporting = [p for p in offered if p.kind in REPORTING_KINDS]
        return (reporting or offered)[0] if offered else None
    period = period_called(label)
    if period not in offered:
        raise Http404(f"{none_for} {period.display}")
    return period
