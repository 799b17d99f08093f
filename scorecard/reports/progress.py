"""The plan progress report (seeds 000 and 001): for a quarter (programme.py), or for a
financial year, which rolls up the year's quarters (programme_year.py)."""

from __future__ import annotations

import datetime

from scorecard.core.periods import Period, PeriodKind
from scorecard.reports import programme, programme_year
from scorecard.reports.document import Report


def build(
    period: Period, plan_id: str | None = None, meeting: datetime.date | None = None
) -> Report:
    if period.kind is PeriodKind.FINANCIAL_YEAR:
        return programme_year.build_year(period, plan_id, meeting)
    return programme.build(period, plan_id, meeting)
