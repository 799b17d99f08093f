"""The periods delivery rows (PeriodColumns) have, for a page's picker."""

from __future__ import annotations

from django.db.models import QuerySet

from scorecard.core.periods import Period, PeriodKind


def periods_of(rows: QuerySet) -> list[Period]:
    """Distinct periods of rows with PeriodColumns, newest first."""
    distinct = rows.order_by().values_list("period_kind", "period_first_month", "period_months")
    periods = {Period(PeriodKind(k), f, m) for k, f, m in distinct.distinct()}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))
