"""Table cells as every report writes them: ratings and directions in words, values in the
measure's unit with the number behind them kept for spreadsheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from scorecard.core.delivery_status import DeliveryKind, status_meaning
from scorecard.core.ratings import Direction, Rag
from scorecard.core.units import Unit, places
from scorecard.reports.document import Cell
from scorecard.scoring.figures import figure, outturn_figure, target_figure


def text(value: object, *, header: bool = False) -> Cell:
    return Cell("" if value is None else str(value), header=header)


def count(value: int | None) -> Cell:
    if value is None:
        return Cell("–")
    return Cell(f"{value:,}", number=value, decimals=0)


def whole_percent(value: int | None) -> Cell:
    """A share already rounded to a whole percent (57 meaning 57%)."""
    if value is None:
        return Cell("–")
    return Cell(f"{value}%", number=value, percent=True, decimals=0)


def rating(rag: Rag | str | None, reason: str | None = "") -> Cell:
    """'Green (G)', shaded; 'Not rated' with its reason when there is none."""
    if not rag:
        return Cell(f"Not rated ({reason})" if reason else "Not rated")
    rag = Rag(rag)
    return Cell(f"{rag.label} ({rag.value})", rag=rag.value)


def status(value: Rag | str | None, kind: DeliveryKind | str = DeliveryKind.PROJECT) -> Cell:
    """A delivery status: 'Green (G)', or 'Blue (B): Closed' where B needs its meaning."""
    if not value:
        return Cell("No status")
    rag = Rag(value)
    if rag is Rag.BLUE:
        return Cell(f"Blue (B): {status_meaning(rag, DeliveryKind(kind))}", rag="B")
    return Cell(f"{rag.label} ({rag.value})", rag=rag.value)


def direction(value: Direction | str | None) -> Cell:
    if not value:
        return Cell("No direction")
    way = Direction(value)
    return Cell(f"{way.arrow} {way.value.capitalize()}")


def measure_value(
    measure,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    *,
    status: str = "",
    written: int | None = None,
) -> Cell:
    """A measure's value in its unit ('67.0% (71/106)', '£1.2m'), a budget variance worded
    ('Overspend of £3.158m'); the number kept for Excel. `written`: the decimals the figure
    was written with, when it is one. A code of a labelled scale is its words in every format,
    the spreadsheet too ('Good')."""
    if value is None:
        return Cell(status or "No value")
    if on_scale(measure, value):
        return Cell(figure(measure, value))
    if measure.budget_variance:
        shown = outturn_figure(measure, value, written=written)
    else:
        shown = figure(measure, value, numerator, denominator, written=written)
    decimals = measure.decimals_for(written)
    percent = Unit(measure.unit) is Unit.PERCENT
    if decimals is None and numerator is not None and percent:
        decimals = 1
    return Cell(shown, number=value, percent=percent, decimals=decimals)


def target(measure, value: Decimal | None) -> Cell:
    if value is None:
        return Cell("No target")
    shown = target_figure(measure, value)
    if on_scale(measure, value):
        return Cell(shown)
    percent = Unit(measure.unit) is Unit.PERCENT
    return Cell(shown, number=value, percent=percent, decimals=places(value))


def on_scale(measure, value: Decimal) -> bool:
    """The figure is a code of the measure's labelled scale, so a cell holds its words."""
    scale = measure.labelled_scale
    return scale is not None and value in scale


def day(value: date | None) -> Cell:
    """01.03.2018, the way the councils' action plans write dates."""
    return Cell(value.strftime("%d.%m.%Y") if value else "")


def timescale(chain: tuple[date, ...]) -> Cell:
    """The first date then each revision: '01.08.2019 → 01.09.2019'."""
    if not chain:
        return Cell("No date set")
    return Cell(" → ".join(revision.strftime("%d.%m.%Y") for revision in chain))
