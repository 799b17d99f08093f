"""The executive summary of a quarter's highlight reports, and one report with what it covers."""

from __future__ import annotations

from dataclasses import dataclass, field

from scorecard.core.delivery_status import status_trend
from scorecard.core.periods import Period
from scorecard.core.ratings import Direction, Rag
from scorecard.core.wording import capitalised, number_word, share_sentence
from scorecard.delivery.models import Action, HighlightReport
from scorecard.delivery.picking import periods_of
from scorecard.delivery.positions import project_positions, projects_for
from scorecard.framework.models import Plan, Programme
from scorecard.scoring.headlines import headlines_as_at
from scorecard.scoring.scorecard import ScorecardLine

# What the executive summary gathers, programme by programme, in the order it prints them.
GATHERED = (
    ("areas_of_success", "Progress"),
    ("slippage", "Slippage"),
    ("issues", "Issues"),
    ("risks", "Risks"),
    ("emerging_work", "Emerging work"),
    ("decisions_required", "Decisions required"),
)


@dataclass
class ReportLine:
    programme: Programme
    report: HighlightReport
    trend: Direction | None
    previous: HighlightReport | None


@dataclass
class Gathered:
    heading: str
    entries: list[tuple[Programme, str]]

    @property
    def said_once(self) -> list[tuple[list[Programme], str]]:
        """Each text once, with every programme whose report says it, in the order first
        said. A plan-level item copied into each programme's report (the same decision asked
        of the board in all seven) is one entry, not seven."""
        found: dict[str, tuple[list[Programme], str]] = {}
        for programme, text in self.entries:
            key = " ".join(text.split()).casefold()
            found.setdefault(key, ([], text))[0].append(programme)
        return list(found.values())


@dataclass
class ExecutiveSummary:
    plan: Plan
    quarter: Period
    lines: list[ReportLine]
    not_reported: list[Programme]
    gathered: list[Gathered] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[Rag, int]]:
        return [(rag, sum(line.report.rag is rag for line in self.lines)) for rag in Rag]

    @property
    def headline(self) -> str:
        """'five of the seven programmes rate Green' (of all the plan's programmes)."""
        total = len(self.lines) + len(self.not_reported)
        green = sum(line.report.rag is Rag.GREEN for line in self.lines)
        sentence = share_sentence(green, total, "programme", "rate Green")
        return capitalised(sentence)

    @property
    def others(self) -> str:
        """'two rate Amber and one rates Red': the rest, by status."""
        parts = [
            f"{number_word(n)} {'rates' if n == 1 else 'rate'} {rag.label}"
            for rag, n in self.counts
            if n and rag is not Rag.GREEN
        ]
        return " and ".join(parts)


def reports_by_programme(plan: Plan, upto: Period) -> dict[int, list[HighlightReport]]:
    """Each programme's reports up to a quarter, oldest first."""
    reports: dict[int, list[HighlightReport]] = {}
    rows = HighlightReport.objects.filter(
        programme__plan=plan, period_last_month__lte=upto.last_month
    ).order_by("period_last_month")
    for report in rows.select_related("programme", "author"):
        reports.setdefault(report.programme_id, []).append(report)
    return reports


def report_line(programme: Programme, reports: list[HighlightReport], quarter: Period):
    # By the period itself, not its label: a report's label may be written in any form.
    current = [r for r in reports if r.period_obj == quarter]
    if not current:
        return None
    report = current[0]
    earlier = [r for r in reports if r.period_last_month < report.period_last_month]
    previous = earlier[-1] if earlier else None
    trend = status_trend(previous.rag if previous else None, report.rag)
    return ReportLine(programme, report, trend, previous)


def executive_summary(plan: Plan, quarter: Period) -> ExecutiveSummary:
    reports = reports_by_programme(plan, quarter)
    lines, missing = [], []
    for programme in plan.programmes.current():
        line = report_line(programme, reports.get(programme.pk, []), quarter)
        if line:
            lines.append(line)
        else:
            missing.append(programme)
    summary = ExecutiveSummary(plan, quarter, lines, missing)
    for name, heading in GATHERED:
        entries = [(ln.programme, getattr(ln.report, name)) for ln in lines]
        summary.gathered.append(Gathered(heading, [(p, text) for p, text in entries if text]))
    return summary


def reported_quarters(plan: Plan | None) -> list[Period]:
    """The quarters with at least one highlight report, newest first."""
    if plan is None:
        return []
    return periods_of(HighlightReport.objects.filter(programme__plan=plan))


def report_context(report: HighlightReport) -> dict:
    """One highlight report with the programme's measures, projects and actions as at its
    quarter, each with its current rating."""
    programme, quarter = report.programme, report.period_obj
    reports = reports_by_programme(programme.plan, quarter).get(programme.pk, [])
    line = report_line(programme, reports, quarter)
    selected = programme.measure_set.current()
    measures = list(selected)
    headlines = headlines_as_at({m.pk: m.rules() for m in measures}, quarter, selected)
    projects = projects_for().filter(programme=programme)
    actions = (
        Action.objects.current()
        .filter(action_plan__programme=programme, action_plan__archived_at__isnull=True)
        .select_related("action_plan")
    )
    return {
        "report": report,
        "programme": programme,
        "plan": programme.plan,
        "quarter": quarter,
        "trend": line.trend if line else None,
        "previous": line.previous if line else None,
        "sections": [(label, getattr(report, name)) for name, label in HighlightReport.SECTIONS],
        "lines": [ScorecardLine(m, headlines[m.pk]) for m in measures],
        "positions": project_positions(quarter, projects=projects),
        "actions": list(actions.prefetch_related("owners")),
    }
