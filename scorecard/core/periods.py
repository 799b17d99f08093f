"""Reporting periods: months, financial quarters and years, academic and calendar years,
pooled multi-year periods and rolling twelve months.

Every period is a whole number of calendar months, so a period is stored as its kind, its first
month (counted from year 0) and its length in months. That makes arithmetic (previous period,
same period last year) exact and comparison cheap.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache, total_ordering

FINANCIAL_YEAR_START_MONTH = 4
ACADEMIC_YEAR_START_MONTH = 9


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    FINANCIAL_YEAR = "financial_year"
    ACADEMIC_YEAR = "academic_year"
    CALENDAR_YEAR = "calendar_year"
    POOLED = "pooled"
    POOLED_CALENDAR = "pooled_calendar"
    ROLLING_12_MONTHS = "rolling_12_months"


# The usual gap between two reports of a kind, in months.
NATURAL_STEP: dict[PeriodKind, int] = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.FINANCIAL_YEAR: 12,
    PeriodKind.ACADEMIC_YEAR: 12,
    PeriodKind.CALENDAR_YEAR: 12,
    PeriodKind.POOLED: 12,
    PeriodKind.POOLED_CALENDAR: 12,
    PeriodKind.ROLLING_12_MONTHS: 1,
}


class PeriodError(ValueError):
    """A period label that cannot be read, with a message fit to show the user."""


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def _fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def _short_month(index: int) -> str:
    year, month = _year_month(index)
    return f"{calendar.month_abbr[month]}-{year % 100:02d}"


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    kind: PeriodKind
    first_month: int
    months: int

    # --- constructors -------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        _check_month(month)
        return cls(PeriodKind.MONTH, _month_index(year, month), 1)

    @classmethod
    def quarter(cls, financial_year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter must be 1 to 4, not {quarter}")
        first = _month_index(financial_year, FINANCIAL_YEAR_START_MONTH) + 3 * (quarter - 1)
        return cls(PeriodKind.QUARTER, first, 3)

    @classmethod
    def financial_year(cls, start_year: int) -> Period:
        first = _month_index(start_year, FINANCIAL_YEAR_START_MONTH)
        return cls(PeriodKind.FINANCIAL_YEAR, first, 12)

    @classmethod
    def quarter_containing(cls, day: date) -> Period:
        """The financial quarter (April to June is Q1) that contains a day."""
        year = financial_year_starting(day)
        return cls.quarter(year, (day.month - FINANCIAL_YEAR_START_MONTH) % 12 // 3 + 1)

    @classmethod
    def financial_year_containing(cls, day: date) -> Period:
        return cls.financial_year(financial_year_starting(day))

    @classmethod
    def academic_year(cls, start_year: int) -> Period:
        first = _month_index(start_year, ACADEMIC_YEAR_START_MONTH)
        return cls(PeriodKind.ACADEMIC_YEAR, first, 12)

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(PeriodKind.CALENDAR_YEAR, _month_index(year, 1), 12)

    @classmethod
    def pooled(cls, first_financial_year: int, last_financial_year: int) -> Period:
        years = _pooled_years(first_financial_year, last_financial_year)
        first = _month_index(first_financial_year, FINANCIAL_YEAR_START_MONTH)
        return cls(PeriodKind.POOLED, first, 12 * years)

    @classmethod
    def pooled_calendar(cls, first_year: int, last_year: int) -> Period:
        years = _pooled_years(first_year, last_year)
        return cls(PeriodKind.POOLED_CALENDAR, _month_index(first_year, 1), 12 * years)

    @classmethod
    def rolling_12_months(cls, end_year: int, end_month: int) -> Period:
        _check_month(end_month)
        return cls(PeriodKind.ROLLING_12_MONTHS, _month_index(end_year, end_month) - 11, 12)

    # --- dates ----------------------------------------------------------------------------
    @property
    def last_month(self) -> int:
        return self.first_month + self.months - 1

    @property
    def start(self) -> date:
        year, month = _year_month(self.first_month)
        return date(year, month, 1)

    @property
    def end(self) -> date:
        year, month = _year_month(self.last_month)
        return date(year, month, calendar.monthrange(year, month)[1])

    def contains(self, other: Period) -> bool:
        return self.first_month <= other.first_month and other.last_month <= self.last_month

    # --- labels ---------------------------------------------------------------------------
    @property
    def label(self) -> str:
        """The canonical label used in every export and URL."""
        return _labels(self)[0]

    @property
    def display(self) -> str:
        """The council's own form, shown on pages and in reports."""
        return _labels(self)[1]

    def __str__(self) -> str:
        return self.label

    # --- arithmetic -----------------------------------------------------------------------
    def shifted(self, months: int) -> Period:
        return Period(self.kind, self.first_month + months, self.months)

    def previous(self, step_months: int | None = None) -> Period:
        """The period one report earlier: by default one natural step of the kind back."""
        return self.shifted(-(step_months or NATURAL_STEP[self.kind]))

    def next(self, step_months: int | None = None) -> Period:
        return self.shifted(step_months or NATURAL_STEP[self.kind])

    def same_period_last_year(self) -> Period:
        return self.shifted(-12)

    # --- ordering: by the month a period ends, then the longer period first ------------
    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.last_month, -self.months, self.kind.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key


def financial_year_starting(day: date) -> int:
    """The calendar year in which the financial year containing `day` began."""
    return day.year if day.month >= FINANCIAL_YEAR_START_MONTH else day.year - 1


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise PeriodError(f"month must be 1 to 12, not {month}")


def _pooled_years(first: int, last: int) -> int:
    if last <= first:
        raise PeriodError("a pooled period must end in a later year than it starts")
    return last - first + 1


def _start_year(period: Period) -> int:
    return _year_month(period.first_month)[0]


def _month_labels(period: Period) -> tuple[str, str]:
    year, month = _year_month(period.first_month)
    return f"{year:04d}-{month:02d}", _short_month(period.first_month)


def _quarter_labels(period: Period) -> tuple[str, str]:
    year, month = _year_month(period.first_month)
    financial_year = year if month >= FINANCIAL_YEAR_START_MONTH else year - 1
    quarter = (month - FINANCIAL_YEAR_START_MONTH) % 12 // 3 + 1
    fy = _fy_label(financial_year)
    return f"{fy} Q{quarter}", f"Q{quarter} {fy}"


def _financial_year_labels(period: Period) -> tuple[str, str]:
    fy = _fy_label(_start_year(period))
    return fy, fy


def _academic_year_labels(period: Period) -> tuple[str, str]:
    label = f"{_fy_label(_start_year(period))} AY"
    return label, label


def _calendar_year_labels(period: Period) -> tuple[str, str]:
    label = str(_start_year(period))
    return label, label


def _pooled_labels(period: Period) -> tuple[str, str]:
    first = _fy_label(_start_year(period))
    last = _fy_label(_start_year(period) + period.months // 12 - 1)
    return f"{first}-{last}", f"{first} - {last}"


def _pooled_calendar_labels(period: Period) -> tuple[str, str]:
    first = _start_year(period)
    last = first + period.months // 12 - 1
    return f"{first}-{last}", f"{first} - {last}"


def _rolling_labels(period: Period) -> tuple[str, str]:
    year, month = _year_month(period.last_month)
    return f"R12M {year:04d}-{month:02d}", f"R12M to {_short_month(period.last_month)}"


_LABELLERS = {
    PeriodKind.MONTH: _month_labels,
    PeriodKind.QUARTER: _quarter_labels,
    PeriodKind.FINANCIAL_YEAR: _financial_year_labels,
    PeriodKind.ACADEMIC_YEAR: _academic_year_labels,
    PeriodKind.CALENDAR_YEAR: _calendar_year_labels,
    PeriodKind.POOLED: _pooled_labels,
    PeriodKind.POOLED_CALENDAR: _pooled_calendar_labels,
    PeriodKind.ROLLING_12_MONTHS: _rolling_labels,
}


# Labels are asked for far more often than periods are made (every row of every import and
# export), and a period's labels never change.
@lru_cache(maxsize=8192)
def _labels(period: Period) -> tuple[str, str]:
    return _LABELLERS[period.kind](period)
