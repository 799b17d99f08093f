"""The reports there are, and the formats each renders to."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from scorecard.core.periods import Period
from scorecard.reports.document import Report, ReportUnavailable


@dataclass(frozen=True)
class ReportKind:
    name: str
    title: str
    summary: str
    module: str
    # Ways the report can lay out its pages, the first the default (the corporate report's
    # measure cards or the long form); none for a report with one way.
    layouts: tuple[str, ...] = ()

    def build(
        self, period: Period, plan_id: str | None = None, layout: str = "", **options
    ) -> Report:
        """`layout`: one of the kind's layouts, or "" for its default. `options`: a kind's own
        choices, given only when asked for (`meeting`: the paper record of this meeting's, for
        the kinds with a front sheet)."""
        builder = import_module(self.module).build
        if layout:
            if layout not in self.layouts:
                raise ReportUnavailable(
                    f"the {self.title.lower()} has no '{layout}' layout"
                    + (f": use {' or '.join(self.layouts)}" if self.layouts else "")
                )
            options["layout"] = layout
        return builder(period, plan_id, **options)


KINDS = {
    kind.name: kind
    for kind in (
        ReportKind(
            "corporate",
            "Corporate performance report",
            "The quarterly Cabinet paper: every measure and project by outcome, rated as at "
            "the period, with the summary, charts, commentary and milestones.",
            "scorecard.reports.corporate",
            layouts=("cards", "long"),
        ),
        ReportKind(
            "programme",
            "Plan progress report",
            "The board's report on a plan's programmes, for a quarter or a financial year: "
            "front sheet, achievements, status of each programme, executive summary, outcome "
            "indicators and governance.",
            "scorecard.reports.progress",
        ),
        ReportKind(
            "actions",
            "Task group work plans",
            "Each action plan's actions by objective, with owners, timescales, completion "
            "dates, the period's dated updates, status and flags.",
            "scorecard.reports.actions",
        ),
        ReportKind(
            "dashboard",
            "Data dashboard",
            "A board's measures with their breakdowns, as rate (numerator/denominator).",
            "scorecard.reports.dashboard",
        ),
        ReportKind(
            "risks",
            "Risk register",
            "The risks with their scores, bands and trends, and the heat map.",
            "scorecard.reports.risks",
        ),
        ReportKind(
            "lead-member",
            "Lead member annual report",
            "The lead member's year: each theme's service figures, the year before and the "
            "comparisons published with them, with the latest commentary.",
            "scorecard.reports.lead_member",
        ),
        ReportKind(
            "board",
            "Board annual report",
            "A board's year, to Council: cover report, recommendations, achievements, areas "
            "for development, priorities with progress, young people's voice, the task groups' "
            "work plans and the data dashboard with its benchmarks.",
            "scorecard.reports.board",
        ),
    )
}


@dataclass(frozen=True)
class ReportFormat:
    """An output format: its file extension, media type and the renderer (module, function) that
    turns a Report into its bytes, imported when first used (WeasyPrint is slow to import)."""

    name: str
    extension: str
    media_type: str
    module: str
    function: str

    def render(self, report: Report) -> bytes:
        rendered = getattr(import_module(self.module), self.function)(report)
        return rendered.encode("utf-8") if isinstance(rendered, str) else rendered


# The registry of formats: a new one is one more entry here and a render_<format>.py module.
REPORT_FORMATS = {
    fmt.name: fmt
    for fmt in (
        ReportFormat(
            "html",
            "html",
            "text/html; charset=utf-8",
            "scorecard.reports.render_html",
            "render_html",
        ),
        ReportFormat("pdf", "pdf", "application/pdf", "scorecard.reports.render_pdf", "render_pdf"),
        ReportFormat(
            "docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "scorecard.reports.render_docx",
            "render_docx",
        ),
        ReportFormat(
            "xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "scorecard.reports.render_xlsx",
            "render_xlsx",
        ),
    )
}
# Format: (file extension, media type).
FORMATS = {name: (fmt.extension, fmt.media_type) for name, fmt in REPORT_FORMATS.items()}


def render(report: Report, format_name: str) -> bytes:
    if format_name not in REPORT_FORMATS:
        raise ValueError(f"'{format_name}' is not a report format: use {', '.join(FORMATS)}")
    return REPORT_FORMATS[format_name].render(report)


def file_name(report: Report, format_name: str, plan_id: str = "") -> str:
    """e.g. corporate-business-plan-Q2-2019-20.pdf: safe on every file system."""
    parts = [report.kind, plan_id, report.period]
    stem = "-".join(part for part in parts if part)
    safe = "".join(ch if ch.isalnum() else "-" for ch in stem)
    while "--" in safe:
        safe = safe.replace("--", "-")
    return f"{safe.strip('-')}.{FORMATS[format_name][0]}"
