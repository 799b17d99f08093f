"""Hypothesis strategies shared by the core's tests."""

from __future__ import annotations

from hypothesis import strategies as st

from scorecard.core.periods import Period


def periods(min_year: int = 1001, max_year: int = 9990) -> st.SearchStrategy[Period]:
    """Any period of any kind whose years all lie between min_year and max_year."""
    year = st.integers(min_year, max_year - 9)
    month = st.integers(1, 12)
    span = st.integers(1, 9)
    return st.one_of(
        st.builds(Period.month, year, month),
        st.builds(Period.quarter, year, st.integers(1, 4)),
        st.builds(Period.financial_year, year),
        st.builds(Period.academic_year, year),
        st.builds(Period.calendar_year, year),
        st.builds(lambda first, n: Period.pooled(first, first + n), year, span),
        st.builds(lambda first, n: Period.pooled_calendar(first, first + n), year, span),
        st.builds(Period.rolling_12_months, year, month),
    )
