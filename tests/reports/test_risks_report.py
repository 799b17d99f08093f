"""The risk register report: built from the demo once and checked widely; wording without a
database."""

from __future__ import annotations

from datetime import date

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period
from scorecard.core.wording import number_word
from scorecard.framework.models import Plan
from scorecard.reports import risks
from scorecard.reports.document import Bullets, Facts, Paragraph, ReportUnavailable, Table
from scorecard.risks.models import Risk, RiskAssessment
from scorecard.risks.register import Banding, RiskRow, assessment_lines


def row_of(table: Table, header: str) -> list:
    return next(row for row in table.rows if row[0].text.startswith(header))


def column(table: Table, heading: str) -> int:
    return [c.heading for c in table.columns].index(heading)


def test_register_as_at_a_period_covering_9_july_2018(demo_council):
    period = parse_period("Q2 2018/19")
    assert period.start <= date(2018, 7, 9) <= period.end
    risk = Risk.objects.select_related("plan").get(reference="ORG0009")
    plan = risk.plan
    report = risks.build(period)  # the first plan with risks

    assert report.kind == "risks"
    assert report.title == f"{plan.name}: risk register"
    assert report.period == "Q2 2018/19"
    assert report.organisation == plan.organisation.name
    summary, register, heat, each = report.sections
    total = Risk.objects.filter(plan=plan).count()
    assert summary.blocks[0].text.startswith(
        f"{number_word(total).capitalize()} risk{'s' if total != 1 else ''}"
    )
    assert "very high (score 15)" in summary.blocks[0].text
    assert "it is improving" in summary.blocks[0].text

    # The register: numbers kept as numbers, band and trend in words.
    (table,) = [b for b in register.blocks if isinstance(b, Table)]
    assert [c.heading for c in table.columns][:9] == [
        "Reference",
        "Risk",
        "Owner",
        "Likelihood",
        "Impact",
        "Score",
        "Band",
        "Trend since previous assessment",
        "Target score",
    ]
    row = row_of(table, "ORG0009")
    assert row[0].header
    numbers = [row[column(table, name)].number for name in ("Likelihood", "Impact", "Score")]
    assert numbers == [3, 5, 15]
    assert row[column(table, "Band")].text == "Very high"
    assert row[column(table, "Trend since previous assessment")].text == "↓ Improving"
    assert row[column(table, "Assessed on")].text == "9 July 2018"

    # The heat map as a 5 x 5 table: likelihood down (5 at the top), impact across.
    (grid,) = [b for b in heat.blocks if isinstance(b, Table)]
    assert len(grid.rows) == 5 and all(len(r) == 6 for r in grid.rows)
    assert [r[0].text for r in grid.rows][0] == "Likelihood 5 (almost certain)"
    likely_3 = row_of(grid, "Likelihood 3")
    cell = likely_3[column(grid, "Impact 5 (catastrophic)")]
    assert cell.text == "Score 15, very high: 1 risk (ORG0009)"
    placed = [c.text for r in grid.rows for c in r[1:] if "no risks" not in c.text]
    assert placed == [cell.text]
    legend = next(b for b in heat.blocks if isinstance(b, Bullets))
    assert legend.items[0] == "Low: scores 1 to 4"
    assert legend.items[-1] == "Very high: scores 15 to 25"

    # Each risk: its facts, its assessments by then (newest first) and how the score changed.
    section = next(s for s in each.sections if s.title.startswith("ORG0009"))
    assert section.blocks[0] == Paragraph(
        "The score fell from 20 to 15 (improving); the band is very high at both assessments.",
        "lead",
    )
    facts = dict(next(b for b in section.blocks if isinstance(b, Facts)).items)
    assert facts["Owner"] == "No owner"
    assert facts["Controls in place"] == risk.controls
    assert facts["Target score"] == "No target"
    (history,) = [b for b in section.blocks if isinstance(b, Table)]
    assert len(history.rows) == 2 == risk.assessments.count()
    assert [r[0].text for r in history.rows] == ["9 July 2018", "31 March 2017"]
    assert [r[column(history, "Score")].number for r in history.rows] == [15, 20]
    assert history.rows[0][column(history, "Trend since previous assessment")].text == (
        "↓ Improving (from 20)"
    )

    for table in report.tables():
        Table(table.caption, table.columns, table.rows, table.sheet, table.row_headers)

    # An earlier period sees the first assessment only.
    earlier = risks.build(parse_period("2016/17"), plan.plan_id)
    register_then = earlier.sections[1].blocks[0]
    assert row_of(register_then, "ORG0009")[column(register_then, "Score")].number == 20
    assert "no earlier assessment" in earlier.sections[0].blocks[0].text

    # Nothing to report: a one-line reason.
    ids = ", ".join(Plan.objects.values_list("plan_id", flat=True))
    with pytest.raises(ReportUnavailable, match=f"^no plan 'nope': the plans are {ids}$"):
        risks.build(period, "nope")
    without = Plan.objects.exclude(pk__in=Risk.objects.values("plan")).first()
    with pytest.raises(ReportUnavailable, match="has no risks on its register"):
        risks.build(period, without.plan_id)
    with pytest.raises(ReportUnavailable, match="had been assessed by the end of 2015/16"):
        risks.build(Period.financial_year(2015), plan.plan_id)


def made_row(reference: str, *scores: tuple[int, int], target: int | None = None) -> RiskRow:
    risk = Risk(reference=reference, title=f"Risk {reference}", target_score=target)
    assessments = [
        RiskAssessment(assessed_on=date(2019, month + 1, 1), likelihood=lik, impact=imp)
        for month, (lik, imp) in enumerate(scores)
    ]
    banding = Banding()
    target_band = banding.band(target) if target else None
    return RiskRow(risk, assessment_lines(assessments, banding), target_band)


def test_summary_counts_bands_and_trends_in_words():
    rows = [
        made_row("R1", (4, 5), (3, 5)),
        made_row("R2", (3, 3), (3, 3)),
        made_row("R3", (2, 2), (3, 4), target=4),
        made_row("R4", (5, 4)),
        made_row("R5"),
    ]
    text = " ".join(risks.summary_sentences(rows, Period.quarter(2019, 2), Banding()))
    assert text == (
        "Five risks are on the register as at Q2 2019/20. By their latest assessments made by "
        "the end of Q2 2019/20, two are very high, one is high and one is medium. Since the "
        "assessment before, one is improving, one is steady and one is declining. One has no "
        "earlier assessment to compare with. One has not been assessed by then."
    )
    assert risks.target_words(rows[2]) == "4 (low)"
    assert risks.target_cell(rows[2]).number == 4
    assert risks.target_cell(rows[0]).text == "No target"
    unassessed = risks.register_row(rows[4], Period.quarter(2019, 2))
    assert unassessed[3].text == "Not assessed by the end of Q2 2019/20"
    assert len(unassessed) == len(risks.REGISTER_COLUMNS)
