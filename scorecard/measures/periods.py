"""Which periods the scorecard's picker offers (scorecard.measures.picking reads the chosen one)."""

from __future__ import annotations

from django.db import connection

from scorecard.core.periods import Period, PeriodKind
from scorecard.framework.models import Plan
from scorecard.measures.choices import Approval
from scorecard.measures.models import Observation

# A scorecard is usually viewed as at a month, quarter or year, the periods councils report in;
# the others (rolling twelve months, pooled years) are offered too, but never chosen for you.
REPORTING_KINDS = [
    PeriodKind.MONTH,
    PeriodKind.QUARTER,
    PeriodKind.FINANCIAL_YEAR,
    PeriodKind.ACADEMIC_YEAR,
    PeriodKind.CALENDAR_YEAR,
]


def available_periods(plan: Plan | None = None) -> list[Period]:
    """Periods with at least one approved observation (of the plan's measures, given a plan),
    newest first; of those ending in the same month, the longest first, so a quarter's
    scorecard is offered before its last month's."""
    if plan is not None:
        found = _plan_periods(plan)
    else:
        # order_by() drops the model's ordering, which would otherwise join the DISTINCT columns.
        rows = Observation.objects.approved().order_by()
        found = rows.values_list("period_kind", "period_first_month", "period_months").distinct()
    periods = {Period(PeriodKind(k), f, m) for k, f, m in found}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))


def _first_approved(*after: str) -> str:
    """The id of the plan's first approved observation, in the index's order, of which the
    conditions `after` hold (n the observation, p the period before): an index range on
    observation_period, each row's plan checked (EXISTS) until one is found. It takes two
    parameters, the approval and the plan."""
    plan = "EXISTS (SELECT 1 FROM measures_measure m WHERE m.id = n.measure_id AND m.plan_id = %s)"
    where = "\n          AND ".join([*after, "n.approval = %s", plan])
    return f"""(SELECT n.id FROM measures_observation n
        WHERE {where}
        ORDER BY n.period_kind, n.period_first_month, n.period_months LIMIT 1)"""  # noqa: S608  # nosec B608 - constant conditions, the values are parameters


# The steps after period p, in the index's order.
_LONGER_FROM_THE_SAME_MONTH = (
    "n.period_kind = p.kind",
    "n.period_first_month = p.first",
    "n.period_months > p.months",
)
_OF_THE_SAME_KIND_STARTING_LATER = ("n.period_kind = p.kind", "n.period_first_month > p.first")
_OF_A_LATER_KIND = ("n.period_kind > p.kind",)

# The distinct periods of a plan's approved observations, found by skipping through the index
# on the period columns (observation_period) from one period to the next: a few look-ups a
# period, where a DISTINCT reads every observation of the plan (240,000 at 10,000 measures).
# Each step takes the first approved observation of the plan after the period before, in the
# index's order: of the same kind and first month but longer, else of the same kind starting
# later, else of a later kind. (One comparison of the three columns as a row would say it in
# one condition, but SQLite then uses only the first column of the index, and reads on.)
_PLAN_PERIODS = f"""
WITH RECURSIVE offered(kind, first, months) AS (
    SELECT o.period_kind, o.period_first_month, o.period_months
    FROM measures_observation o
    WHERE o.id = {_first_approved()}
    UNION ALL
    SELECT o.period_kind, o.period_first_month, o.period_months
    FROM offered p JOIN measures_observation o ON o.id = COALESCE(
        {_first_approved(*_LONGER_FROM_THE_SAME_MONTH)},
        {_first_approved(*_OF_THE_SAME_KIND_STARTING_LATER)},
        {_first_approved(*_OF_A_LATER_KIND)})
)
SELECT kind, first, months FROM offered"""  # noqa: S608  # nosec B608 - as _first_approved
# Each of its look-ups takes the approval and the plan.
_LOOK_UPS = _PLAN_PERIODS.count("n.approval = %s")


def _plan_periods(plan: Plan) -> list[tuple[str, int, int]]:
    """The distinct periods of the plan's approved observations (see _PLAN_PERIODS): under
    1 ms on SQLite and some 3–6 ms on PostgreSQL at 10,000 measures, where the DISTINCT took
    50 and 150 ms. The plan was read through Django, limited to the active council."""
    parameters: list[str | int] = [Approval.APPROVED.value, plan.pk]
    with connection.cursor() as cursor:
        cursor.execute(_PLAN_PERIODS, parameters * _LOOK_UPS)
        return cursor.fetchall()
