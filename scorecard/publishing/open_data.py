"""The open data files: every published measure's observations, rated, with the licence.

The CSV is kept clean (a header row, then data) and goes through the exporter's writer, which
defuses text a spreadsheet would run as a formula; the licence travels in a Link header. The
JSON carries the licence, publisher and last-updated time in its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from scorecard.core.units import published_text
from scorecard.interchange.exporter import _number, as_csv, as_json
from scorecard.publishing.published import last_updated, licence, published_measures, publisher
from scorecard.scoring.scorecard import rate_measures


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


COLUMNS = (
    Column("measure_id", "The measure's short, stable reference"),
    Column("title", "The measure's name"),
    Column("plan", "The plan the measure belongs to"),
    Column("outcome", "The outcome in the plan the measure reports on (blank: none)"),
    Column("period", "The period the figure is for, e.g. 2018/19 Q1"),
    Column("breakdown", "Blank for the overall figure; else the part it is for, e.g. an age band"),
    Column("value", "The figure (blank when there is none; the status says why)"),
    Column("numerator", "For a percentage or rate: the count above the line (blank if none)"),
    Column("denominator", "For a percentage or rate: the count below the line (blank if none)"),
    Column("status", "Why there is no figure, e.g. not yet published (blank when there is one)"),
    Column("unit", "percent, rate, count, days, money, score or ratio"),
    Column("target", "The target for the period (blank: no target)"),
    Column("rating", "Green, Amber, Red or Blue (discontinued); blank when not rated"),
    Column("reason", "Why the figure is not rated, when it is not"),
    Column("direction", "Improving, steady or declining against the period compared with"),
)
COLUMN_NAMES = [column.name for column in COLUMNS]

CSV_FILENAME = "scorecard-open-data.csv"
JSON_FILENAME = "scorecard-open-data.json"


def _figure(value: Decimal | None, decimals: int | None, as_text: bool) -> object:
    """A figure as published: in the CSV the exact digits with the measure's decimals ("67.0");
    in the JSON the number they make (JSON cannot keep a trailing zero)."""
    if value is None:
        return None
    # A Decimal made from the published text writes as that text ("67.0", "-3.158", never
    # "1E+2"), and, being a number, is not defused as text starting with "-" would be.
    return Decimal(published_text(value, decimals)) if as_text else _number(value, decimals)


def records(as_text: bool = False) -> list[dict]:
    """One record per observation of every published measure, oldest period first; figures as
    text for the CSV (`as_text`), as numbers for the JSON."""
    measures = published_measures().select_related("plan")
    found = []
    for rated in rate_measures(measures):
        measure = rated.measure
        for observation, item in rated.rows:
            rag = item.rating.rag
            found.append(
                {
                    "measure_id": measure.measure_id,
                    "title": measure.title,
                    "plan": measure.plan.name if measure.plan else None,
                    "outcome": measure.outcome.name if measure.outcome else None,
                    "period": observation.period,
                    "breakdown": observation.breakdown or None,
                    "value": _figure(
                        observation.value,
                        measure.decimals_for(observation.written_decimals),
                        as_text,
                    ),
                    "numerator": _figure(observation.numerator, None, as_text),
                    "denominator": _figure(observation.denominator, None, as_text),
                    "status": observation.status or None,
                    "unit": measure.unit,
                    "target": _figure(item.target, measure.decimals, as_text),
                    "rating": rag.label if rag else None,
                    "reason": item.rating.reason or None,
                    "direction": item.direction.value if item.direction else None,
                }
            )
    return found


def csv_text() -> str:
    return as_csv(records(as_text=True), COLUMN_NAMES)


def metadata() -> dict:
    """What the JSON says about itself: the data.gov.uk essentials."""
    updated = last_updated()
    chosen = licence()
    return {
        "title": "Published performance measures",
        "publisher": publisher(),
        "licence": {"name": chosen.name, "url": chosen.url},
        "last_updated": updated.isoformat() if updated else None,
        "generated_at": timezone.now().isoformat(),
        "columns": {column.name: column.meaning for column in COLUMNS},
    }


def json_text() -> str:
    return as_json({"metadata": metadata(), "observations": records()})
