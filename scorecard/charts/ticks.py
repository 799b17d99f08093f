"""Round ticks for a chart's value axis: steps of 1, 2, 2.5 or 5 times a power of ten, the
"nice numbers" a reader counts in, covering the figures drawn.

Worked in Decimal, so that a tick is written as exactly what it is (0.3, not
0.30000000000000004) however large or small the figures.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

# The multipliers of a power of ten a step may take, smallest first.
ROUND_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
MOST_TICKS = 6


def _decimal(number: Decimal | float | int) -> Decimal:
    if isinstance(number, Decimal):
        return number
    # A float by its shortest form (84.8, not 84.799999999999997).
    return Decimal(repr(number)) if isinstance(number, float) else Decimal(number)


def _round_steps(smallest: Decimal):
    """Round steps, from the first at least `smallest` upwards."""
    power = smallest.adjusted() - 1
    while True:
        for multiple in ROUND_STEPS:
            step = multiple.scaleb(power)
            if step >= smallest:
                yield step
        power += 1


def round_ticks(
    low: Decimal | float | int, high: Decimal | float | int, most: int = MOST_TICKS
) -> list[Decimal]:
    """Evenly spaced round ticks from at or below `low` to at or above `high`, at least two
    and at most `most` (three or more). One value alone (low == high) is given room either side."""
    # Ticks are multiples of the step, so figures either side of zero take three (-s, 0, s).
    if most < 3:
        raise ValueError("an axis needs room for at least three ticks")
    bottom, top = sorted((_decimal(low), _decimal(high)))
    if not (bottom.is_finite() and top.is_finite()):
        raise ValueError("ticks need finite figures")
    # Enough digits that a tick is exact wherever the figures sit (1e300 apart by 1e284).
    with localcontext() as context:
        context.prec = max(28, top.adjusted() - bottom.adjusted() + 28, 2 * most)
        if bottom == top:
            room = abs(bottom) / 10 if bottom else Decimal(1)
            bottom, top = bottom - room, top + room
        for step in _round_steps((top - bottom) / (most - 1)):
            first = (bottom / step).to_integral_value(ROUND_FLOOR)
            last = (top / step).to_integral_value(ROUND_CEILING)
            if last - first + 1 <= most:
                return [(first + n) * step for n in range(int(last - first) + 1)]
    raise AssertionError("unreachable: a large enough step always fits")  # pragma: no cover
