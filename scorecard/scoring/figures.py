"""How a measure's figures are written: the one place every output takes them from (pages,
papers, the public site, charts, the quarter's review, an item's history), so that a figure
reads the same wherever it is shown.

The rules themselves (units, decimals, rounding) are the core's (`scorecard/core/units.py`,
docs/rules.md "Decimals"); what this adds is which of them a measure uses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from scorecard.core.outturn import Outturn, outturn
from scorecard.core.units import format_fraction, format_value

if TYPE_CHECKING:
    from scorecard.measures.models import Measure


def figure(
    measure: Measure,
    value: Decimal | None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    *,
    written: int | None = None,
) -> str:
    """A figure of the measure as people read it: its unit, decimals, rate base and money unit,
    with the counts it was made from when both are known ('67.0% (71/106)', '£1.2m',
    '12 per 10,000'; 'No value' for none). `written`: the decimals the figure was written with
    (an observation's `written_decimals`); a figure worked out from others takes the measure's.
    A figure on a labelled scale is its words ('Good'); one that is not a code of the scale
    (an average, a chart's axis) is the number."""
    word = _word(measure, value)
    if word is not None:
        return word
    return format_fraction(
        value,
        measure.unit,
        numerator,
        denominator,
        decimals=measure.decimals_for(written),
        rate_per=measure.rate_per,
        money_unit=measure.money_unit,
    )


def outturn_figure(measure: Measure, value: Decimal, *, written: int | None = None) -> str:
    """A budget variance as the paper words it: 'Overspend of £3.158m', 'Underspend of
    £1.067m' or 'Balanced', the amount written as `figure` writes it."""
    position = outturn(value)
    if position is Outturn.BALANCED:
        return position.value
    return f"{position.value} of {figure(measure, abs(value), written=written)}"


def target_figure(measure: Measure, value: Decimal | None) -> str:
    """A target as the council set it: in the measure's unit with the decimals it was written
    with ("70%" beside figures of "60.7%"), never padded to the figures' decimals."""
    if value is None:
        return "No target"
    word = _word(measure, value)
    if word is not None:
        return word
    return format_value(
        value, measure.unit, rate_per=measure.rate_per, money_unit=measure.money_unit
    )


def _word(measure: Measure, value: Decimal | None) -> str | None:
    """The words of a code of the measure's labelled scale; None for a plain figure."""
    scale = measure.labelled_scale
    return scale.label(value) if scale is not None else None


def axis_figures(measure: Measure) -> Callable[[Decimal], str]:
    """How a chart writes a tick on its value axis: in the measure's unit, with the tick's own
    digits ("60%", "£2.5m", "20 days"), not padded to the figures' decimals."""
    return lambda value: target_figure(measure, value)
