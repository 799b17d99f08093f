"""The data dashboard report (seed 004, Appendix C): built from the demo once, checked widely."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period
from scorecard.core.ratings import NEUTRAL_RATING, NO_TARGET_RATING, RED_RATING, Rating
from scorecard.core.series import NO_READING, Headline, TargetChange, TargetSchedule, rate_series
from scorecard.core.wording import number_word
from scorecard.demo.loader import demo_files
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure, Observation
from scorecard.reports import dashboard
from scorecard.reports.document import Chart, Facts, Paragraph, ReportUnavailable, Table
from scorecard.scoring.scorecard import RatedMeasure

PLAN = "corporate-parenting"
AS_AT = "2018-03"


def demo_rows(name_ends: str) -> list[dict[str, str]]:
    path = next(p for p in demo_files() if str(p).endswith(name_ends))
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def measure_sections(report) -> dict[str, object]:
    return {section.title: section for level, section in report.walk() if level == 3}


def blocks(section, kind):
    return [block for block in section.blocks if isinstance(block, kind)]


def row_named(table: Table, name: str) -> list:
    return next(row for row in table.rows if row[0].text == name)


def test_corporate_parenting_dashboard(demo_council):
    period = parse_period(AS_AT)
    report = dashboard.build(period, PLAN)
    plan = Plan.objects.get(plan_id=PLAN)

    assert report.kind == "dashboard"
    assert report.title == f"{plan.name}: data dashboard"
    assert report.period == period.display == "Mar-18"
    assert report.organisation == plan.organisation.name

    # One subsection per measure of the plan with figures up to the period.
    with_data = Measure.objects.filter(
        plan=plan, observations__period_last_month__lte=period.last_month
    ).distinct()
    sections = measure_sections(report)
    # 21: the unnamed "(183/227)" figure is not loaded (issue 18).
    assert len(sections) == with_data.count() == 21
    assert set(sections) == {m.title for m in with_data}
    summary = report.sections[0]
    assert f"{number_word(with_data.count())} measures with figures" in summary.blocks[0].text
    # Outcome sections follow the plan's outcomes, in order.
    outcomes = list(plan.outcomes.order_by("order", "pk").values_list("name", flat=True))
    assert [s.title for s in report.sections[1:]] == outcomes

    # A breakdown cell, read from the demo file and checked against the database.
    source = next(
        r for r in demo_rows("042-corporate-parenting-observations.csv") if r["breakdown"]
    )
    stored = Observation.objects.get(
        measure__measure_id=source["measure_id"],
        period=source["period"],
        breakdown=source["breakdown"],
    )
    assert stored.value == Decimal(source["value"])
    expected = f"{source['value']}% ({source['numerator']}/{source['denominator']})"
    table = blocks(sections[stored.measure.title], Table)[0]
    assert [c.heading for c in table.columns] == ["Breakdown", Period.month(2018, 3).display]
    cell = row_named(table, stored.breakdown)[1]
    assert cell.text == expected == "100.0% (94/94)"
    assert cell.number == stored.value and cell.percent
    # Breakdowns only: no headline or rating rows, and a note says so.
    assert [row[0].text for row in table.rows] == ["Age 0-4", "Age 5-9", "Age 10-15", "Age 16-17"]
    assert "no overall figure" in blocks(sections[stored.measure.title], Paragraph)[0].text

    # The one measure with a target: headline, target and rating rows, the rating in words.
    stability = Measure.objects.get(measure_id="CPB-PLACEMENT-STABILITY")
    stable = blocks(sections[stability.title], Table)[0]
    assert [row[0].text for row in stable.rows] == ["All", "Target", "Rating"]
    assert row_named(stable, "All")[1].number == Decimal("60.7")
    assert row_named(stable, "Target")[1].number == Decimal(70)
    rating = row_named(stable, "Rating")[1]
    assert (rating.text, rating.rag) == ("Red (R)", "R")
    facts = dict(blocks(sections[stability.title], Facts)[0].items)
    assert facts["Rating as at Mar-18"].startswith("Red (R)")
    assert facts["Target"] == "70%"
    assert facts["Polarity"] == "Higher is better"
    assert "one measure is rated: no Green (G), no Amber (A) and one Red (R)" in (
        summary.blocks[0].text
    )

    # Two headline values: a line chart with its own data table and a describing alt text.
    neet = Measure.objects.get(measure_id="CPB-CL-NEET")
    neet_section = sections[neet.title]
    (chart,) = blocks(neet_section, Chart)
    assert chart.svg.startswith("<svg") and "Mar-17" in chart.svg
    assert chart.alt.startswith(f"Line chart of {neet.title}: Mar-17 42.5%, Mar-18 38.3%")
    assert [row[0].text for row in chart.table.rows] == ["Mar-17", "Mar-18"]
    assert [row[1].number for row in chart.table.rows] == [Decimal("42.5"), Decimal("38.3")]
    neet_facts = dict(blocks(neet_section, Facts)[0].items)
    assert neet_facts["Direction"] == "↑ Improving"
    assert neet_facts["Change"].startswith("Fell by")
    # A single value: no chart.
    assert not blocks(sections[stability.title], Chart)

    # Every table is well formed (the constructor checks the cells against the columns) and
    # every figure is kept as a number.
    tables = list(report.tables())
    assert len(tables) == 21 + 1 + 1
    for table in tables:
        Table(table.caption, table.columns, table.rows, table.sheet, table.row_headers)
        assert table.caption and table.rows
    for section in sections.values():
        for table in blocks(section, Table):
            for row in table.rows:
                if row[0].text != "Rating":
                    assert all(cell.number is not None or cell.text == "–" for cell in row[1:])

    # No plan asked for: the first plan (in plan order) with breakdown figures by then.
    with_breakdowns = set(
        Observation.objects.exclude(breakdown="")
        .filter(period_last_month__lte=period.last_month)
        .values_list("measure__plan_id", flat=True)
    )
    first = next(p for p in Plan.objects.all() if p.pk in with_breakdowns)
    assert dashboard.build(period).title == f"{first.name}: data dashboard"

    # Nothing to report, or no such plan: a one-line reason.
    ids = ", ".join(Plan.objects.values_list("plan_id", flat=True))
    with pytest.raises(ReportUnavailable, match=f"^no plan 'nope': the plans are {ids}$"):
        dashboard.build(period, "nope")
    with pytest.raises(ReportUnavailable, match="no measure figures for Jan-10 or earlier"):
        dashboard.build(Period.month(2010, 1), PLAN)
    with pytest.raises(ReportUnavailable, match="^no plan has measure figures"):
        dashboard.build(Period.month(2010, 1))


# --- without a database --------------------------------------------------------------------


def made_measure(**fields) -> Measure:
    defaults = {
        "pk": 1,
        "measure_id": "M1",
        "title": "Children seen",
        "polarity": "higher",
        "unit": "percent",
        "frequency": "monthly",
    }
    return Measure(**{**defaults, **fields})


def observation(
    month: int, value: str | None, breakdown: str = "", status: str = ""
) -> Observation:
    made = Observation(
        breakdown=breakdown,
        value=None if value is None else Decimal(value),
        numerator=None,
        denominator=None,
        status=status,
        entered_at=datetime(2020, 1, 1),
    )
    made.set_period(Period.month(2019, month))
    return made


def rated_measure(measure: Measure, observations: list[Observation], target: str | None):
    schedule = TargetSchedule([TargetChange(None, Decimal(target))] if target else [])
    series = rate_series(measure.rules(), schedule, [o.reading() for o in observations])
    return RatedMeasure(measure, series, observations)


def test_figures_keep_the_last_eight_periods_up_to_the_period():
    measure = made_measure()
    rows = [observation(month, f"{50 + month}") for month in range(1, 13) if month != 9]
    rows.append(observation(9, None, status="TBC"))
    rows += [observation(month, f"{40 + month}", "Area B") for month in (2, 11)]
    rows += [observation(month, f"{30 + month}", "Area A") for month in (3, 10)]
    rows.sort(key=lambda o: (o.period_last_month, o.breakdown))
    figures = dashboard.figures_as_at(rated_measure(measure, rows, "55"), Period.month(2019, 10))
    assert [p.display for p in figures.periods] == [
        "Mar-19",
        "Apr-19",
        "May-19",
        "Jun-19",
        "Jul-19",
        "Aug-19",
        "Sep-19",
        "Oct-19",
    ]
    table = dashboard.figures_table(figures)
    assert table.caption == "Children seen: figures for Mar-19 to Oct-19"
    # Area B's November figure is after the period and its February one before the eight
    # periods shown, so it has no row.
    assert [row[0].text for row in table.rows] == ["All", "Target", "Rating", "Area A"]
    headline = row_named(table, "All")
    assert headline[1].text == "53%" and headline[1].number == Decimal(53)
    assert headline[7].text == "To be confirmed" and headline[7].number is None
    assert [c.text for c in row_named(table, "Rating")[1:4]] == ["Red (R)", "Red (R)", "Green (G)"]
    assert row_named(table, "Rating")[7].text == "Not rated (no value: TBC)"
    area_a = row_named(table, "Area A")
    assert [c.text for c in area_a[1:]] == ["33%", "–", "–", "–", "–", "–", "–", "40%"]
    chart = dashboard.chart_of(figures)
    assert chart is not None
    assert chart.alt.endswith("; target 55% throughout.")
    assert "Mar-19 53% (Red)" in chart.alt and "Sep-19 To be confirmed" in chart.alt

    assert (
        dashboard.figures_as_at(rated_measure(measure, rows, None), Period.month(2018, 12)) is None
    )


def test_summary_counts_ratings_and_says_why_others_are_not_rated():
    plan = Plan(name="Corporate parenting")
    red = Headline(None, RED_RATING, None)
    headlines = [
        red,
        Headline(None, Rating(dashboard.Rag.GREEN), None),
        Headline(None, Rating(dashboard.Rag.GREEN), None),
        Headline(None, NO_TARGET_RATING, None),
        Headline(None, NEUTRAL_RATING, None),
        Headline(None, NEUTRAL_RATING, None),
        Headline(None, Rating(None, NO_READING), None),
    ]
    text = " ".join(dashboard.summary_sentences(plan, Period.month(2018, 3), headlines))
    assert text == (
        "Corporate parenting has seven measures with figures for Mar-18 or earlier. "
        "As at Mar-18, three measures are rated: two Green (G), no Amber (A) and one Red (R). "
        "2 of 3 measures (67%) are on or exceeding target. "
        "Four measures are not rated: one has no target, two are neutral and one has figures "
        "for breakdowns only."
    )
    march = Period.month(2018, 3)
    assert dashboard.outcome_sentence(headlines, march) == (
        "Seven measures; as at Mar-18, two are Green (G), one is Red (R) and four are not rated."
    )
    assert dashboard.outcome_sentence(headlines[3:], march) == (
        "Four measures; as at Mar-18, none is rated."
    )
    assert dashboard.outcome_sentence(headlines[1:3], march) == (
        "Two measures; as at Mar-18, both are Green (G)."
    )
    assert dashboard.outcome_sentence([red], march) == "One measure; as at Mar-18, it is Red (R)."
    # One rated measure: its rating is given once, without a share on target.
    one = " ".join(dashboard.summary_sentences(plan, march, [red, headlines[3]]))
    assert "one measure is rated: no Green (G), no Amber (A) and one Red (R)." in one
    assert "on or exceeding target" not in one
