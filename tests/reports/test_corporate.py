"""The corporate report of the demo council: what seed 003 publishes, every number equal to
`scorecard export scorecard` for the same period."""

from decimal import Decimal
from unittest import mock

import pytest

from scorecard.benchmarking.models import ENGLAND_CODE, Area, AreaValue, Indicator
from scorecard.core.period_parser import parse_period
from scorecard.core.rater import MeasureRater
from scorecard.core.wording import on_target_sentence
from scorecard.framework.models import Plan
from scorecard.interchange.exporter import scorecard_document
from scorecard.measures.models import Measure
from scorecard.reports import corporate
from scorecard.reports.document import (
    Chart,
    Facts,
    MeasureCard,
    Paragraph,
    ReportUnavailable,
    Table,
)

PERIOD = parse_period("Q2 2019/20")
SUMMARY_KEYS = ["G", "A", "R", "B", "improving", "steady", "declining"]


def _number(cell):
    return None if cell.number is None else Decimal(str(cell.number))


@pytest.fixture(params=corporate.LAYOUTS)
def report(demo_council, request):
    """The paper in each layout: the cards and the long form say the same."""
    return corporate.build(PERIOD, layout=request.param)


@pytest.fixture
def exported(demo_council):
    return scorecard_document(PERIOD, "business-plan")


def demo_plan(plan_id: str = "business-plan") -> list[tuple[str, list[str]]]:
    """The plan as the demo's own files give it, read without the application: each outcome in
    the framework file's order, with the titles of its measures (measures file order) and then
    of its projects ("Project: ..."), as the report's sections should be."""
    import csv

    from scorecard.demo.loader import DEMO_DATA_DIR

    def rows(pattern: str) -> list[dict[str, str]]:
        (path,) = DEMO_DATA_DIR.glob(pattern)
        with path.open(encoding="utf-8", newline="") as file:
            return [row for row in csv.DictReader(file) if row["plan_id"] == plan_id]

    outcomes = [
        r["name"] for r in rows("010-business-plan-framework.csv") if r["level"] == "outcome"
    ]
    measures = rows("020-business-plan-measures.csv")
    projects = rows("012-business-plan-projects.csv")
    return [
        (
            outcome,
            [m["title"] for m in measures if m["outcome"] == outcome]
            + [f"Project: {p['title']}" for p in projects if p["outcome"] == outcome],
        )
        for outcome in outcomes
    ]


def test_the_default_plan_is_the_one_reporting_in_the_period(report):
    assert report.cover[0] == "County Vision and Business Plan 2019-22"
    assert report.title == "Corporate Performance Report"
    assert report.period == "Q2 2019/20"
    assert report.organisation == "Somerset County Council"
    titles = [section.title for section in report.sections]
    # Every outcome of the demo's plan has a measure or a project, so each has its section,
    # numbered as the plan numbers them, holding its measures and then its projects.
    plan = demo_plan()
    assert len(plan) == 5 and all(items for _, items in plan)
    expected = [f"Outcome {n}: {outcome}" for n, (outcome, _) in enumerate(plan, 1)]
    assert titles == [
        "Our vision and outcomes",
        "Key to ratings and directions",
        "High level summary",
        *expected,
        "Contact details",
    ]
    for section, (_, items) in zip(report.sections[3:-1], plan, strict=True):
        assert [sub.title for sub in section.sections] == items, section.title


def test_the_summary_table_equals_the_export(report, exported):
    summary = next(s for s in report.sections if s.title == "High level summary")
    chart = next(b for b in summary.blocks if isinstance(b, Chart))
    table = chart.table
    assert table.caption.startswith("High level summary by outcome")
    rows = {row[0].text: row for row in table.rows}
    headings = [column.heading for column in table.columns]
    for expected in exported["summary"]:
        row = rows[expected["name"]]
        for key in SUMMARY_KEYS:
            column = next(
                i
                for i, h in enumerate(headings)
                if h.lower().startswith(
                    {"G": "green", "A": "amber", "R": "red", "B": "blue"}.get(key, key)
                )
            )
            assert _number(row[column]) == expected[key], (expected["name"], key)
        assert _number(row[headings.index("% on target")]) == expected["pct_on_target"]
        assert _number(row[headings.index("% improving")]) == expected["pct_improving"]
    total = exported["summary"][-1]
    lead = next(b for b in summary.blocks if isinstance(b, Paragraph) and b.style == "lead")
    assert lead.text.startswith(
        on_target_sentence(
            total["G"],
            total["G"] + total["A"] + total["R"],
            "measure or project",
            "measures and projects",
        )
    )
    assert "by rating and outcome" in chart.title and chart.svg.startswith("<svg")


def test_the_summary_charts_each_outcomes_directions_as_the_export_counts_them(report, exported):
    summary = next(s for s in report.sections if s.title == "High level summary")
    chart = next(
        b for b in summary.blocks if isinstance(b, Chart) and b.title.startswith("Direction")
    )
    assert 'role="img"' in chart.svg and "improving" in chart.alt
    headings = [column.heading for column in chart.table.columns]
    assert headings == ["Outcome", "↑ Improving", "→ Steady", "↓ Declining", "With a direction"]
    rows = {row[0].text: row for row in chart.table.rows}
    for expected in exported["summary"][:-1]:
        row = rows[expected["name"]]
        counts = [_number(cell) for cell in row[1:4]]
        assert counts == [expected["improving"], expected["steady"], expected["declining"]]
        assert _number(row[4]) == sum(counts)


def _measure_sections(report):
    for _, section in report.walk():
        facts = next((b for b in section.blocks if isinstance(b, Facts | MeasureCard)), None)
        if facts and dict(facts.items if isinstance(facts, Facts) else facts.facts).get("Polarity"):
            yield section, dict(facts.items if isinstance(facts, Facts) else facts.facts)


def _series(section) -> list[Table]:
    """The measure's series: the long form's table (or its chart's), or its card's."""
    return [
        b.table if isinstance(b, Chart | MeasureCard) else b
        for b in section.blocks
        if isinstance(b, Chart | MeasureCard | Table)
    ]


def _charts(report) -> list[Chart]:
    return [
        chart
        for _, s in report.walk()
        for b in s.blocks
        for chart in (
            [b] if isinstance(b, Chart) else [b.chart] if isinstance(b, MeasureCard) else []
        )
        if chart is not None
    ]


def test_every_measure_says_what_the_export_says(report, exported):
    by_title = {m["title"]: m for m in exported["measures"]}
    seen = 0
    for section, facts in _measure_sections(report):
        expected = by_title[section.title]
        seen += 1
        rag = expected["rag"]
        assert facts["Rating"].endswith(f"({rag})") if rag else facts["Rating"].startswith("Not")
        tables = _series(section)
        if expected["value"] is None:
            continue
        last = tables[0].rows[-1]
        assert last[0].text == parse_period(expected["period"]).display
        assert _number(last[1]) == Decimal(str(expected["value"]))
        if expected["target"] is not None:
            assert _number(last[2]) == Decimal(str(expected["target"]))
        assert len(tables[0].rows) <= corporate.PERIODS_SHOWN
    assert seen == len(exported["measures"])


def test_projects_carry_their_status_milestones_and_next_steps(report, exported):
    projects = {
        s.title.removeprefix("Project: "): dict(
            next(b for b in s.blocks if isinstance(b, Facts)).items
        )
        for _, s in report.walk()
        if s.title.startswith("Project: ")
    }
    assert len(projects) == len(exported["projects"])
    for project in exported["projects"]:
        status = projects[project["title"]]["Status"]
        if project["status"]:
            assert f"({project['status']})" in status
        else:
            assert status == "No status"
    milestones = [
        b
        for _, s in report.walk()
        if s.title.startswith("Project: ")
        for b in s.blocks
        if isinstance(b, Table)
    ]
    assert milestones and all(t.columns[0].heading == "Milestone" for t in milestones)


def test_a_chart_for_each_measure_with_two_values_and_its_table(report):
    charts = _charts(report)
    assert len(charts) > 5
    for chart in charts:
        assert chart.svg.startswith("<svg") and chart.alt and chart.table.rows
        assert 'role="img"' in chart.svg


def test_an_unknown_plan_is_refused_with_the_plans_there_are(demo_council):
    with pytest.raises(ReportUnavailable, match="no plan 'nope': the plans are .*business-plan"):
        corporate.build(PERIOD, "nope")


def test_a_named_plan_is_reported_even_without_figures_in_the_period(demo_council):
    report = corporate.build(PERIOD, "cypp")
    assert report.cover[0] == Plan.objects.get(plan_id="cypp").name


def test_an_empty_database_has_no_report(db):
    with pytest.raises(ReportUnavailable, match="no plan has measures or projects"):
        corporate.build(PERIOD)


def test_milestones_are_as_at_the_end_of_the_period(demo_council):
    report = corporate.build(parse_period("Q1 2019/20"), "business-plan")
    end = parse_period("Q1 2019/20").end
    achieved = [
        row
        for _, section in report.walk()
        if section.title.startswith("Project: ")
        for block in section.blocks
        if isinstance(block, Table)
        for row in block.rows
    ]
    assert achieved
    for row in achieved:
        if row[2].text != "Not yet":
            day, month, year = (int(part) for part in row[2].text.split("."))
            assert (year, month, day) <= (end.year, end.month, end.day)
            assert row[3].text == "Achieved"


def test_a_project_outside_every_outcome_is_reported_where_it_is_counted(demo_council):
    from scorecard.delivery.models import Project

    project = Project.objects.filter(plan__plan_id="business-plan").first()
    Project.objects.filter(pk=project.pk).update(outcome=None, priority=None, programme=None)
    report = corporate.build(PERIOD)
    unlinked = next(s for s in report.sections if s.title == "Not linked to an outcome")
    assert f"Project: {project.title}" in [s.title for s in unlinked.sections]


def test_a_benchmarked_measure_says_how_it_compares_as_at_the_period(demo_council):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    measure.comparator_indicator = Indicator.objects.get(indicator_id="90284")
    measure.save()
    area = measure.benchmark_area()
    for where, value, count in (
        (Area.objects.get(code=ENGLAND_CODE), 80.0, 80000),
        (area, 95.0, 950),
    ):
        row = AreaValue(
            indicator=measure.comparator_indicator,
            area=where,
            value=value,
            count=count,
            denominator=count * 10000 / value,
        )
        row.set_period(parse_period("Q2 2019/20"))
        row.save()

    def compared(period: str) -> str | None:
        sections = _measure_sections(corporate.build(parse_period(period)))
        return next(facts for s, facts in sections if s.title == measure.title).get(
            "How we compare"
        )

    assert compared("Q2 2019/20") == "In Q2 2019/20, worse than England (at the 99.8% level too)"
    # Before the quarter had ended the report had nothing to compare.
    assert compared("Q1 2019/20") is None


def test_each_measure_is_rated_once(demo_council):
    """The summary's headlines come from the series the measure sections show: the paper rates
    each measure's figures in one pass, not once for the summary and again for the sections."""
    rate_columns = MeasureRater.rate_columns
    with mock.patch.object(
        MeasureRater, "rate_columns", autospec=True, side_effect=rate_columns
    ) as rating:
        report = corporate.build(PERIOD, "business-plan")
    measures = Measure.objects.current().filter(plan__plan_id="business-plan").count()
    assert len(list(_measure_sections(report))) == measures
    assert rating.call_count == measures


def test_a_project_prints_no_direction_and_its_highlights(demo_council):
    from scorecard.delivery.models import ProjectUpdate

    update = ProjectUpdate.objects.filter(
        project__plan__plan_id="business-plan", period="2019/20 Q2"
    ).first()
    ProjectUpdate.objects.filter(pk=update.pk).update(
        direction="none",
        areas_of_success="Hub staffed",
        areas_of_concern="Turnover",
        focus_next_quarter="Open the hub",
    )
    report = corporate.build(PERIOD, "business-plan")
    section = next(s for _, s in report.walk() if s.title == f"Project: {update.project.title}")
    facts = dict(next(b for b in section.blocks if isinstance(b, Facts)).items)
    assert facts["Direction"] == "No direction"
    assert facts["Why this direction"] == "The officer reported no direction for this period."
    assert (
        facts["Areas of success"],
        facts["Areas of concern"],
        facts["Focus for next quarter"],
    ) == ("Hub staffed", "Turnover", "Open the hub")


def test_the_budget_outturn_is_worded_by_its_sign_with_the_amount(report):
    """Seed 003's Revenue Budget row: overspend, underspend or balanced under each figure."""
    card_or_long = next(s for _, s in report.walk() if s.title.startswith("Revenue Budget"))
    (series,) = _series(card_or_long)
    shown = {row[0].text: row[1] for row in series.rows}
    assert shown["Q2 2018/19"].text == "Overspend of £3.158m"
    assert shown["Q3 2018/19"].text == "Underspend of £1.067m"
    assert shown["Q2 2019/20"].text == "Balanced"
    # The spreadsheet keeps the signed number.
    assert shown["Q3 2018/19"].number == Decimal("-1.067")
    assert dict(next(_measure_sections_of(card_or_long)))["Latest value"] == (
        "Balanced (Q2 2019/20)"
    )


def _measure_sections_of(section):
    for block in section.blocks:
        if isinstance(block, Facts):
            yield block.items
        elif isinstance(block, MeasureCard):
            yield block.facts
