"""Which periods the scorecard's picker offers (scorecard.measures.picking reads the chosen one)."""

from __future__ import annotations

from scorecard.core.periods import Period, PeriodKind
from scorecard.measures.models import Measure, Observation

# A scorecard is usually viewed as at a month, quarter or year, the periods councils report in;
# the others (rolling twelve months, pooled years) are offered too, but never chosen for you.
REPORTING_KINDS = [
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.FINANCIAL_YEAR,
    PeriodKind.ACADEMIC_YEAR,
    PeriodKind.CALENDAR_YEAR,
]


def available_periods(plan_id: str | None = None) -> list[Period]:
    """Periods with at least one approved observation, newest first; of those ending in the
    same month, the longest first, so a quarter's scorecard is offered before its last month's."""
    rows = Observation.objects.approved()
    if plan_id:
        # A subquery, not a join: the index on the period columns and measure then covers it.
        rows = rows.filter(measure__in=Measure.objects.filter(plan__plan_id=plan_id).values("pk"))
    # order_by() drops the model's ordering, which would otherwise join the DISTINCT columns.
    distinct = (
        rows.order_by().values_list("period_kind", "period_first_month", "period_months").distinct()
    )
    periods = {Period(PeriodKind(k), f, m) for k, f, m in distinct}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))
