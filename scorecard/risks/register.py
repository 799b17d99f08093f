"""The risk register, a risk's history and the heat map, assembled for the pages.

Scores, bands and trends come from the core (scorecard.core.risk_scoring); this module only
gathers the assessments in a few queries and lays them out. "As at" a period means the
assessments dated on or before the period's last day.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period
from scorecard.core.ratings import Direction
from scorecard.core.risk_scoring import (
    IMPACT_WORDS,
    LIKELIHOOD_WORDS,
    SCALE,
    RiskBand,
    risk_band,
    risk_score,
    risk_trend,
)
from scorecard.core.wording import plural
from scorecard.framework.models import Plan
from scorecard.risks.models import Risk, RiskAssessment, configured_bands

# Shades from the palette of GOV.UK tags: 1 green, 2 yellow, 3 orange, 4 red.
SHADES = 4
TAG_COLOURS = {1: "green", 2: "yellow", 3: "orange", 4: "red"}

TREND_VERBS: dict[Direction | None, str] = {
    Direction.IMPROVING: "fell",
    Direction.DECLINING: "rose",
}


def long_date(day: date) -> str:
    """'5 April 2019', the GOV.UK style."""
    return f"{day.day} {day:%B %Y}"


def period_display(label: str) -> str:
    """An assessment's period in the council's form ('Q2 2019/20'), or as typed if unreadable."""
    if not label:
        return ""
    try:
        return parse_period(label).display
    except ValueError:
        return label


quarter_of = Period.quarter_containing


# --- bands --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BandRange:
    name: str
    lowest: int
    highest: int
    shade: int

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.shade]

    @property
    def scores(self) -> str:
        if self.lowest == self.highest:
            return f"score {self.lowest}"
        return f"scores {self.lowest} to {self.highest}"


def band_ranges(bands: tuple[RiskBand, ...] | None = None) -> list[BandRange]:
    """Each configured band with its scores and a shade, lightest for the lowest band."""
    bands = bands or configured_bands()
    count = len(bands)
    ranges = []
    for index, band in enumerate(bands):
        highest = bands[index + 1].lowest_score - 1 if index + 1 < count else 25
        if count <= SHADES:
            shade = index + 1 + SHADES - count
        else:
            shade = 1 + round(index * (SHADES - 1) / (count - 1))
        ranges.append(BandRange(str(band.name), band.lowest_score, highest, shade))
    return ranges


class Banding:
    """Bands looked up by score, read from the settings once per page."""

    def __init__(self) -> None:
        self.bands = configured_bands()
        self.ranges = band_ranges(self.bands)

    def band(self, score: int) -> BandRange:
        name = risk_band(score, self.bands)
        return next(r for r in self.ranges if r.name == name)


# --- assessments and rows ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssessmentLine:
    assessment: RiskAssessment
    score: int
    band: BandRange
    trend: Direction | None
    previous_score: int | None

    @property
    def period(self) -> str:
        return period_display(self.assessment.period)


def assessment_lines(assessments: list[RiskAssessment], banding: Banding) -> list[AssessmentLine]:
    """Oldest first, each with its trend against the one before."""
    lines: list[AssessmentLine] = []
    previous: int | None = None
    for assessment in sorted(assessments, key=lambda a: a.assessed_on):
        score = risk_score(assessment.likelihood, assessment.impact)
        trend = risk_trend(previous, score)
        lines.append(AssessmentLine(assessment, score, banding.band(score), trend, previous))
        previous = score
    return lines


def change_sentence(lines: list[AssessmentLine]) -> str:
    """'The score fell from 20 to 15 (improving); the band is very high at both.'"""
    if not lines:
        return "This risk has not been assessed yet."
    latest = lines[-1]
    if len(lines) == 1:
        assessed = long_date(latest.assessment.assessed_on)
        return (
            f"First assessed on {assessed} with a score of {latest.score} ({latest.band.name}). "
            "There is no earlier assessment to compare with."
        )
    earlier = lines[-2]
    verb = TREND_VERBS.get(latest.trend)
    if verb:
        change = f"The score {verb} from {earlier.score} to {latest.score} ({latest.trend})"
    else:
        change = f"The score stayed at {latest.score} ({latest.trend})"
    if earlier.band.name == latest.band.name:
        return f"{change}; the band is {latest.band.name} at both assessments."
    return f"{change}; the band moved from {earlier.band.name} to {latest.band.name}."


@dataclass(frozen=True, slots=True)
class RiskRow:
    risk: Risk
    lines: list[AssessmentLine]
    target_band: BandRange | None

    @property
    def latest(self) -> AssessmentLine | None:
        return self.lines[-1] if self.lines else None

    @property
    def history(self) -> list[AssessmentLine]:
        """Newest first, as the history table shows it."""
        return list(reversed(self.lines))

    @property
    def change(self) -> str:
        return change_sentence(self.lines)

    @property
    def programmes(self) -> list:
        return list(self.risk.programmes.all())


def _target_band(risk: Risk, banding: Banding) -> BandRange | None:
    if risk.target_score and 1 <= risk.target_score <= 25:
        return banding.band(risk.target_score)
    return None


def counts_as_at(assessed_on: date, assessed_for: str, period: Period) -> bool:
    """An assessment is part of the register as at a period when it was made by the period's
    end, or made for a period that had ended by then: a year's risk is often scored after the
    year closes, in time for the year-end report (ORG0009's 2017/18 score, given in July 2018)."""
    if assessed_on <= period.end:
        return True
    try:
        return bool(assessed_for) and parse_period(assessed_for).end <= period.end
    except ValueError:
        return False


def _assessments_as_at(period: Period) -> list[int]:
    rows = RiskAssessment.objects.order_by().values_list("pk", "assessed_on", "period")
    return [
        pk
        for pk, assessed_on, assessed_for in rows
        if counts_as_at(assessed_on, assessed_for, period)
    ]


def risks_as_at(plan: Plan | None, period: Period | None) -> QuerySet[Risk]:
    """The risks of a plan (or every risk), each with its programmes and the assessments that
    count as at the period (`counts_as_at`), in four queries."""
    assessments = RiskAssessment.objects.order_by("assessed_on")
    if period is not None:
        assessments = assessments.filter(pk__in=_assessments_as_at(period))
    risks = Risk.objects.current().select_related(
        "owner", "owner__organisation", "organisation", "plan"
    )
    if plan is not None:
        risks = risks.filter(plan=plan)
    return risks.prefetch_related(
        Prefetch("programmes"), Prefetch("assessments", queryset=assessments)
    )


def risk_rows(risks, banding: Banding | None = None) -> list[RiskRow]:
    banding = banding or Banding()
    return [
        RiskRow(
            risk,
            assessment_lines(list(risk.assessments.all()), banding),
            _target_band(risk, banding),
        )
        for risk in risks
    ]


def register_rows(plan: Plan | None, period: Period | None) -> list[RiskRow]:
    return risk_rows(risks_as_at(plan, period))


def risk_row(risk: Risk) -> RiskRow:
    """One risk with its whole history."""
    return risk_rows([risk])[0]


# --- periods offered ---------------------------------------------------------------------


def offered_periods(plan: Plan | None) -> list[Period]:
    """Periods to view the register as at, newest first: the financial quarter and year of every
    assessment's date, and the period it was made for (a year's risk may be assessed after the
    year ends, and counts as at that year: `counts_as_at`)."""
    assessments = RiskAssessment.objects.all()
    if plan is not None:
        assessments = assessments.filter(risk__plan=plan)
    periods: set[Period] = set()
    for assessed_on, assessed_for in assessments.order_by().values_list("assessed_on", "period"):
        periods |= {quarter_of(assessed_on), Period.financial_year_containing(assessed_on)}
        # A note such as "autumn review" names no period to offer.
        with suppress(ValueError):
            periods.add(parse_period(assessed_for))
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))


# --- heat map ----------------------------------------------------------------------------


@dataclass(slots=True)
class HeatCell:
    likelihood: int
    impact: int
    score: int
    band: BandRange
    risks: list[Risk] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """'Score 20: 1 risk', 'Score 9: no risks'."""
        count = len(self.risks)
        return f"Score {self.score}: {count or 'no'} {plural(count, 'risk')}"


@dataclass(frozen=True, slots=True)
class HeatRow:
    likelihood: int
    words: str
    cells: list[HeatCell]


@dataclass(frozen=True, slots=True)
class HeatMap:
    rows: list[HeatRow]
    impacts: list[tuple[int, str]]
    unassessed: list[Risk]
    bands: list[BandRange]

    @property
    def placed(self) -> int:
        return sum(len(cell.risks) for row in self.rows for cell in row.cells)


def heat_map(rows: list[RiskRow], banding: Banding | None = None) -> HeatMap:
    """A 5 by 5 grid, likelihood 5 at the top, impact 1 on the left; each risk in the cell of
    its latest assessment."""
    banding = banding or Banding()
    cells = {
        (likelihood, impact): HeatCell(
            likelihood,
            impact,
            risk_score(likelihood, impact),
            banding.band(risk_score(likelihood, impact)),
        )
        for likelihood in SCALE
        for impact in SCALE
    }
    unassessed = []
    for row in rows:
        latest = row.latest
        if latest is None:
            unassessed.append(row.risk)
            continue
        cells[latest.assessment.likelihood, latest.assessment.impact].risks.append(row.risk)
    grid = [
        HeatRow(likelihood, LIKELIHOOD_WORDS[likelihood], [cells[likelihood, i] for i in SCALE])
        for likelihood in reversed(SCALE)
    ]
    return HeatMap(grid, [(i, IMPACT_WORDS[i]) for i in SCALE], unassessed, banding.ranges)
