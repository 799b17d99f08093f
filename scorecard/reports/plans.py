"""Which plan a report is about: the one asked for, else the first with something to report."""

from __future__ import annotations

from django.db.models import QuerySet

from scorecard.framework.models import Plan
from scorecard.reports.document import ReportUnavailable


def known_plan(plan_id: str) -> Plan:
    """The plan with this id, or a one-line reason naming the plans there are."""
    plan = Plan.objects.select_related("organisation", "board").filter(plan_id=plan_id).first()
    if plan is None:
        known = ", ".join(Plan.objects.values_list("plan_id", flat=True)) or "none yet"
        raise ReportUnavailable(f"no plan '{plan_id}': the plans are {known}")
    return plan


def plan_for(plan_id: str | None, candidates: QuerySet[Plan], wanted: str) -> Plan:
    """`candidates`: the plans that have `wanted` ("measures or projects"). An unknown plan_id,
    or a plan with nothing to report, is refused with a one-line reason."""
    if plan_id:
        plan = known_plan(plan_id)
        if not candidates.filter(pk=plan.pk).exists():
            raise ReportUnavailable(f"plan '{plan_id}' has no {wanted}")
        return plan
    first = candidates.order_by("order", "name").first()
    if first is None:
        raise ReportUnavailable(f"no plan has {wanted}")
    return first


def organisation_name(plan: Plan) -> str:
    return plan.organisation.name if plan.organisation is not None else ""
