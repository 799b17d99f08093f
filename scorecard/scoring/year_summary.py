"""A financial year of a plan's highlight reports, rolled up: each programme's reports in the
year's four quarters, and its status at the year end with the direction since the report
before (the year reports of seeds 000 and 001)."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.core.periods import Period
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Plan, Programme
from scorecard.scoring.executive_summary import (
    ExecutiveSummary,
    ReportLine,
    report_line,
    reports_by_programme,
)


@dataclass
class ProgrammeYear:
    programme: Programme
    # The year's reports, oldest first.
    reports: list[HighlightReport]
    # The last of them, with its trend since the report before (which may be last year's).
    year_end: ReportLine | None

    def report_for(self, quarter: Period) -> HighlightReport | None:
        return next((r for r in self.reports if r.period_obj == quarter), None)


@dataclass
class YearSummary:
    plan: Plan
    year: Period
    quarters: list[Period]
    programmes: list[ProgrammeYear]

    @property
    def reported_quarters(self) -> list[Period]:
        """The year's quarters with at least one highlight report, in order."""
        return [q for q in self.quarters if any(p.report_for(q) for p in self.programmes)]

    @property
    def at_year_end(self) -> ExecutiveSummary:
        """The programmes' statuses at the year end, counted as a quarter's are: each
        programme's last report of the year, whichever quarter it is for."""
        lines = [p.year_end for p in self.programmes if p.year_end is not None]
        missing = [p.programme for p in self.programmes if p.year_end is None]
        return ExecutiveSummary(self.plan, self.year, lines, missing)


def quarters_of(year: Period) -> list[Period]:
    first = Period.quarter_containing(year.start)
    return [first.shifted(3 * n) for n in range(4)]


def year_summary(plan: Plan, year: Period) -> YearSummary:
    """`year`: a financial year."""
    reports = reports_by_programme(plan, year)
    found = []
    for programme in Programme.objects.current().filter(plan=plan):
        theirs = reports.get(programme.pk, [])
        in_year = [r for r in theirs if year.contains(r.period_obj)]
        last = report_line(programme, theirs, in_year[-1].period_obj) if in_year else None
        found.append(ProgrammeYear(programme, in_year, last))
    return YearSummary(plan, year, quarters_of(year), found)
