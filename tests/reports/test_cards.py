"""A measure card (the corporate report's measure pages) in each format: the same facts and
periods everywhere, ratings in words as well as colour, arrows with words beside them."""

from __future__ import annotations

import copy
import io
import re

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from scorecard.reports.render_docx import render_docx
from scorecard.reports.render_html import render_html
from scorecard.reports.render_pdf import render_pdf
from scorecard.reports.render_xlsx import render_xlsx
from tests.reports.samples import HOSTILE, card_report, sample_report


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(card_report())


def test_a_card_keeps_with_its_heading_and_brings_its_stylesheet(html):
    assert '<section id="s1-1" class="level-3 keep-together">' in html
    assert "break-inside: avoid" in html
    # Other reports carry none of the corporate report's styles: their pages stay as they were.
    other = sample_report()
    other.kind = "dashboard"
    assert ".card-periods" not in render_html(other)


def test_the_card_heads_with_the_rating_in_words_and_colour_and_the_direction(html):
    assert '<span class="card-badge rag rag-R">Rating: Red (R)</span>' in html
    assert 'Direction: <span aria-hidden="true">↓</span> Declining' in html
    assert "Latest: 44.0% (Q1 2019/20)" in html


def test_the_facts_say_polarity_and_target_in_words_and_escape_what_was_typed(html):
    assert "<dt>Polarity</dt><dd>Higher is better</dd>" in html
    assert "<dt>Target</dt><dd>53%</dd>" in html
    assert HOSTILE not in html and "&lt;script&gt;" in html


def test_the_periods_run_across_with_figure_rating_and_direction(html):
    table = html[html.index('<table class="card-periods">') : html.index("</table>")]
    headings = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert headings == ["Period", "Q3 2018/19", "Q4 2018/19", "Q1 2019/20", "Q2 2019/20"]
    rows = re.findall(r'<th scope="row">([^<]*)</th>', table)
    # The target changed over the periods shown, so it has its row too.
    assert rows == ["Value", "Rating", "Direction", "Target"]
    assert '<td class="rag rag-G">Green (G)</td>' in table
    assert '<td><span aria-hidden="true">↑</span> Improving</td>' in table
    assert '<td class="numeric">49.7%</td>' in table
    assert 'role="region" aria-label="Breastfeeding at 6-8 weeks: the last four quarters"' in html


def test_the_chart_points_at_the_table_and_the_box_says_how_we_compare(html):
    assert '<figure class="chart card-chart">' in html
    assert "The figures are in the table above." in html
    assert "Commentary and actions (Q1 2019/20)" in html
    assert "Below the new, higher target.<br>Rates are lowest" in html
    box = html[html.index('<div class="card-compare">') :]
    assert "How we compare" in box and "better than England" in box
    assert "<dt>Owner</dt><dd>Public Health</dd>" in html


def test_two_cards_share_a_printed_page():
    report = card_report()
    outcome = report.sections[0]
    outcome.sections.append(copy.deepcopy(outcome.sections[0]))
    pages = PdfReader(io.BytesIO(render_pdf(report))).pages
    # The cover, the contents, then both cards on one page.
    assert len(pages) == 3
    assert pages[2].extract_text().count("Breastfeeding at 6-8 weeks") >= 2


def test_word_has_a_compact_table_per_card_with_the_periods_across():
    word = docx.Document(io.BytesIO(render_docx(card_report())))
    (table,) = word.tables
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    assert texts[0][:2] == ["Rating", "Red (R)"]
    period_row = next(row for row in texts if row[0] == "Period")
    assert period_row == ["Period", "Q3 2018/19", "Q4 2018/19", "Q1 2019/20", "Q2 2019/20"]
    ratings = texts[texts.index(period_row) + 2]
    assert ratings[0] == "Rating" and ratings[2] == "Green (G)"
    directions = texts[texts.index(period_row) + 3]
    assert directions[2] == "↑ Improving"
    assert any(row[0] == "How we compare" for row in texts)
    assert any(row[0] == "Commentary and actions (Q1 2019/20)" for row in texts)
    # The chart is a picture in the table, with its text alternative.
    described = [p for p in table._tbl.iter() if p.tag.endswith("}docPr")]
    assert described and described[0].get("descr").startswith("Line chart")


def test_excel_keeps_a_row_per_period_with_figures_as_numbers():
    book = load_workbook(io.BytesIO(render_xlsx(card_report())))
    # The card's facts and commentary are words: they are on the Text sheet.
    assert book.sheetnames == ["Contents", "Text", "Breastfeeding"]
    said = [book["Text"].cell(row, 2).value for row in range(4, book["Text"].max_row + 1)]
    assert "Target: 53%" in said
    assert (
        "Commentary and actions (Q1 2019/20): Below the new, higher target.\n"
        "Rates are lowest in deprived areas." in said
    )
    sheet = book["Breastfeeding"]
    assert [sheet.cell(row, 1).value for row in range(4, 8)] == [
        "Q3 2018/19",
        "Q4 2018/19",
        "Q1 2019/20",
        "Q2 2019/20",
    ]
    assert sheet.cell(4, 2).value == pytest.approx(0.497)
