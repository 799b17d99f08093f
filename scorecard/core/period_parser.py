"""Reading period labels in every form councils write them (DESIGN §4)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from scorecard.core.periods import Period, PeriodError

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9

_YEAR = r"(\d{4}|\d{2})"
_FY = r"(\d{4}|\d{2})\s*/\s*(\d{4}|\d{2})"
_MONTH_NAME = r"([a-z]{3,9})\.?"

# Labels are written with four-digit years and dates stop at 9999, so a period outside these
# years could be read but neither written back as a label nor given a start and end date.
_FIRST_YEAR, _LAST_YEAR = 1000, 9999


def _year(text: str) -> int:
    """A four-digit year, or a two-digit one read as 1970-2069."""
    value = int(text)
    if len(text) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _financial_year(first: str, second: str) -> int:
    start = _year(first)
    end = _year(second) if len(second) == 4 else None
    expected = (start + 1) % 100 if len(second) == 2 else start + 1
    actual = int(second) if end is None else end
    if actual != expected:
        raise PeriodError(
            f"'{first}/{second}' is not a financial year: the second year must follow the first"
        )
    return start


def _month_number(name: str) -> int:
    try:
        return _MONTHS[name.lower()]
    except KeyError:
        raise PeriodError(f"'{name}' is not a month name") from None


def _iso_month(m: re.Match[str]) -> Period:
    return Period.month(int(m[1]), int(m[2]))


def _named_month(m: re.Match[str]) -> Period:
    return Period.month(_year(m[2]), _month_number(m[1]))


def _quarter_after(m: re.Match[str]) -> Period:
    return Period.quarter(_financial_year(m[1], m[2]), int(m[3]))


def _quarter_before(m: re.Match[str]) -> Period:
    return Period.quarter(_financial_year(m[2], m[3]), int(m[1]))


def _financial(m: re.Match[str]) -> Period:
    return Period.financial_year(_financial_year(m[1], m[2]))


def _academic(m: re.Match[str]) -> Period:
    return Period.academic_year(_financial_year(m[1], m[2]))


def _calendar(m: re.Match[str]) -> Period:
    return Period.calendar_year(int(m[1]))


def _pooled(m: re.Match[str]) -> Period:
    return Period.pooled(_financial_year(m[1], m[2]), _financial_year(m[3], m[4]))


def _pooled_calendar(m: re.Match[str]) -> Period:
    return Period.pooled_calendar(int(m[1]), int(m[2]))


def _rolling_iso(m: re.Match[str]) -> Period:
    return Period.rolling_12_months(int(m[1]), int(m[2]))


def _rolling_named(m: re.Match[str]) -> Period:
    return Period.rolling_12_months(_year(m[2]), _month_number(m[1]))


def _dashed_year(m: re.Match[str]) -> Period:
    """'2019-20' looks like a year but could mean a financial year or (wrongly written) a
    month: refuse it and say what to write, rather than guess."""
    raise PeriodError(
        f"'{m[0]}' is ambiguous: write a financial year as {m[1]}/{int(m[1][2:]) + 1:02d}"
        f" and a month as {m[1]}-09"
    )


def _iso_month_or_dashed_year(m: re.Match[str]) -> Period:
    if len(m[2]) == 2 and int(m[2]) > 12 and int(m[2]) == (int(m[1]) + 1) % 100:
        return _dashed_year(m)
    return _iso_month(m)


_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Period]]] = [
    (re.compile(rf"r12m\s+(?:to\s+)?{_MONTH_NAME}[\s-]+{_YEAR}"), _rolling_named),
    (re.compile(r"r12m\s+(?:to\s+)?(\d{4})-(\d{1,2})"), _rolling_iso),
    (re.compile(r"(\d{4})-(\d{1,2})"), _iso_month_or_dashed_year),
    (re.compile(rf"{_MONTH_NAME}[\s-]+{_YEAR}"), _named_month),
    (re.compile(rf"{_FY}\s*q([1-4])"), _quarter_after),
    (re.compile(rf"q([1-4])\s*{_FY}"), _quarter_before),
    (re.compile(rf"{_FY}\s*ay"), _academic),
    (re.compile(rf"ay\s*{_FY}"), _academic),
    (re.compile(rf"{_FY}\s*-\s*{_FY}"), _pooled),
    (re.compile(r"(\d{4})\s*-\s*(\d{4})"), _pooled_calendar),
    (re.compile(_FY), _financial),
    (re.compile(r"(\d{4})"), _calendar),
]


def _within_years(period: Period, text: str) -> Period:
    if period.first_month // 12 < _FIRST_YEAR or period.last_month // 12 > _LAST_YEAR:
        raise PeriodError(f"'{text}' is outside the years {_FIRST_YEAR} to {_LAST_YEAR}")
    return period


def parse_period(text: str) -> Period:
    """Read a period label; raise PeriodError saying what was wrong."""
    cleaned = " ".join(str(text).strip().lower().split())
    if not cleaned:
        raise PeriodError("a period is needed")
    for pattern, build in _FORMS:
        match = pattern.fullmatch(cleaned)
        if match:
            return _within_years(build(match), text)
    raise PeriodError(
        f"'{text}' is not a period we recognise: use a form such as 2019-09, Sep-19, "
        "2019/20 Q2, 2019/20, 2019/20 AY, 2019, 2014/15 - 2016/17 or R12M 2018-03"
    )


def display_label(text: str) -> str:
    """A stored period label (canonical, or as a source wrote it) in the form pages and papers
    show ("2019/20 Q2" becomes "Q2 2019/20"); text that is not a period is shown as it is."""
    try:
        return parse_period(text).display
    except PeriodError:
        return text
