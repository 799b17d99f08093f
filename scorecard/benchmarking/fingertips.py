"""The words and forms of Fingertips (OHID's public health profiles) that we read: its periods,
its polarity names, its value types and its published comparisons. No Django here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from scorecard.benchmarking.choices import ValueType
from scorecard.core.benchmarking import Comparison
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.core.ratings import Polarity

# Fingertips writes pooled calendar years with a short second year: "2016 - 18".
_SHORT_POOLED = re.compile(r"(\d{4})\s+-\s+(\d{2})")


def read_period(text: str) -> Period:
    """A period as Fingertips writes it ("2019/20", "2018", "2016 - 18", "2016/17 - 18/19",
    "2019/20 Q2") or in any form our own files accept. PeriodError says what is wrong."""
    match = _SHORT_POOLED.fullmatch(text.strip())
    if match:
        first = int(match[1])
        last = first // 100 * 100 + int(match[2])
        if last <= first:
            raise PeriodError(f"'{text}' is not a period: the second year must follow the first")
        return Period.pooled_calendar(first, last)
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise PeriodError(f"{exc}; Fingertips forms such as 2016 - 18 are read too") from None


# Polarity as we write it, as Fingertips names it in its metadata, and as people say it.
POLARITY_WORDS = {
    "higher": Polarity.HIGHER,
    "rag - high is good": Polarity.HIGHER,
    "high is good": Polarity.HIGHER,
    "higher is better": Polarity.HIGHER,
    "lower": Polarity.LOWER,
    "rag - low is good": Polarity.LOWER,
    "low is good": Polarity.LOWER,
    "lower is better": Polarity.LOWER,
    "neutral": Polarity.NEUTRAL,
    "bob - blue orange blue": Polarity.NEUTRAL,
    "not applicable": Polarity.NEUTRAL,
    "rag - middle is good": Polarity.NEUTRAL,
}


def read_polarity(text: str) -> Polarity:
    try:
        return POLARITY_WORDS[" ".join(text.lower().split())]
    except KeyError:
        raise ValueError(
            f"'{text}' is not a polarity: write higher, lower or neutral "
            "(or Fingertips' 'RAG - High is good', 'RAG - Low is good', 'BOB - Blue orange blue')"
        ) from None


VALUE_TYPE_WORDS = {
    "proportion": ValueType.PROPORTION,
    "percentage": ValueType.PROPORTION,
    "crude_rate": ValueType.CRUDE_RATE,
    "crude rate": ValueType.CRUDE_RATE,
    "dsr": ValueType.DSR,
    "directly standardised rate": ValueType.DSR,
    "directly age-standardised rate": ValueType.DSR,
    "directly age standardised rate": ValueType.DSR,
    "count": ValueType.COUNT,
    "other": ValueType.OTHER,
}


def read_value_type(text: str) -> ValueType:
    try:
        return VALUE_TYPE_WORDS[" ".join(text.lower().split())]
    except KeyError:
        raise ValueError(
            f"'{text}' is not a value type: write proportion, crude_rate, dsr, count or other"
        ) from None


def published_comparison(text: str) -> Comparison | None:
    """Fingertips' 'Compared to England' words as our comparison ("Better 95%" is better);
    None for words that are not a comparison with a benchmark (quintiles, blanks)."""
    word = text.strip().lower()
    for comparison in Comparison:
        if word == comparison.value or word.startswith(comparison.value + " "):
            return comparison
    return None


def infer_polarity(published: Iterable[tuple[Comparison | None, int]]) -> Polarity | None:
    """The polarity Fingertips used, from its published comparisons and the side of the
    benchmark each area's interval lies on (+1 above, -1 below, 0 holding it).

    Fingertips' data download does not carry polarity, but its comparisons reveal it: an area
    above England and "Better" means higher is better. None when nothing reveals it."""
    votes: Counter = Counter()
    for comparison, side in published:
        if comparison in (Comparison.HIGHER, Comparison.LOWER):
            votes[Polarity.NEUTRAL] += 1
        elif comparison in (Comparison.BETTER, Comparison.WORSE) and side:
            better_when_higher = (comparison is Comparison.BETTER) == (side > 0)
            votes[Polarity.HIGHER if better_when_higher else Polarity.LOWER] += 1
    return votes.most_common(1)[0][0] if votes else None


# Multipliers a value can carry over count/denominator: a percentage, or a rate per so many.
_RATE_BASES = (100, 1_000, 10_000, 100_000)


def infer_value_type(
    rows: Iterable[tuple[float | None, float | None, float | None]],
) -> tuple[ValueType, float] | None:
    """(value type, multiplier) from rows of (value, count, denominator): a value that is
    count/denominator × 100 is a percentage (Fingertips' proportions are), × 1,000 or more a
    crude rate. None when the rows do not agree on one, as a standardised rate's do not."""
    found: Counter = Counter()
    for value, count, denominator in rows:
        if value is None or not count or not denominator:
            continue
        ratio = value / (count / denominator)
        for base in _RATE_BASES:
            if abs(ratio - base) <= base * 1e-3:
                found[base] += 1
                break
        else:
            found[None] += 1
    if not found:
        return None
    base, votes = found.most_common(1)[0]
    if base is None or votes < sum(found.values()) * 0.9:
        return None
    return (ValueType.PROPORTION if base == 100 else ValueType.CRUDE_RATE), float(base)
