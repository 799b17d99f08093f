"""Rows of a `highlight_reports` file: a programme's report for a financial quarter."""

from __future__ import annotations

from scorecard.core.periods import PeriodKind
from scorecard.delivery.models import HighlightReport
from scorecard.interchange import cells, references
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.lookups import Lookups, save_changed
from scorecard.interchange.rows import whole_file

SECTIONS = tuple(section for section, _ in HighlightReport.SECTIONS)


def quarter(raw: str):
    period = cells.period(raw, required=True)
    if period.kind is not PeriodKind.QUARTER:
        raise cells.CellError(
            f"'{raw}' is not a financial quarter: a highlight report is for a quarter, "
            "e.g. Q4 2017/18"
        )
    return period


def validate(row: RowReader, catalogue: Catalogue) -> dict | None:
    parsed = {
        "plan_id": row.get("plan_id", cells.identifier, required=True),
        "programme": row.get("programme", required=True, max_length=300),
        "period": row.get("period", quarter),
        "status": row.get("status", cells.status, required=True),
        "author": row.get("author", cells.identifier),
        **{section: row.get(section) for section in SECTIONS},
        "columns": set(row.cells),
    }
    plan_id = parsed["plan_id"]
    if references.plan(row, catalogue, plan_id):
        references.programme(row, catalogue, plan_id, parsed["programme"])
    references.person(row, catalogue, parsed["author"], "author")
    if row.errors:
        return None
    key = ("highlight_report", plan_id, parsed["programme"], parsed["period"])
    what = f"the report of '{parsed['programme']}' for {parsed['period'].label}"
    return parsed if catalogue.first_time(row, key, "period", what) else None


def _values(parsed: dict, lookups: Lookups) -> dict:
    given = parsed["columns"]
    values = {"status": parsed["status"].value}
    values.update({section: parsed[section] for section in SECTIONS if section in given})
    if "author" in given:
        values["author"] = lookups.person(parsed["author"])
    return values


def apply_all(rows: list[dict], lookups: Lookups) -> None:
    existing = {
        (r.programme_id, r.period): r
        for r in HighlightReport.objects.filter(
            programme__plan__plan_id__in={r["plan_id"] for r in rows}
        )
    }
    for parsed in rows:
        programme = lookups.programme(parsed["plan_id"], parsed["programme"])
        report = existing.get((programme.pk, parsed["period"].label))
        if report is None:
            report = HighlightReport(programme=programme)
            report.set_period(parsed["period"])
        save_changed(report, _values(parsed, lookups))


# The kinds of file these rows are read from (interchange/rows.py).
READS = {"highlight_reports": whole_file(validate, apply_all)}
